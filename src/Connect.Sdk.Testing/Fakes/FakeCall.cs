using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>A request as a fake marketplace's route sees it, after the fault plan and the rate limit let it through.</summary>
public sealed class FakeCall
{
    /// <summary>Creates a call.</summary>
    /// <param name="operation">The marketplace operation, e.g. <c>orders.list</c>.</param>
    /// <param name="method">The HTTP method in upper case.</param>
    /// <param name="path">The path, without the query.</param>
    /// <param name="query">The query parameters (the first value of each).</param>
    /// <param name="headers">The request headers (the first value of each), names case-insensitive.</param>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <param name="routeValues">The values the route's path pattern captured, e.g. <c>id</c>.</param>
    /// <param name="fault">A fault the route itself must act out (<see cref="FaultKind.PartialBatchFailure"/>), or <see langword="null"/>.</param>
    public FakeCall(
        string operation,
        string method,
        string path,
        IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers,
        string? body,
        IReadOnlyDictionary<string, string> routeValues,
        FaultKind? fault)
    {
        Operation = operation;
        Method = method;
        Path = path;
        RawPath = path;
        Query = query;
        Headers = headers;
        Body = body;
        RouteValues = routeValues;
        Fault = fault;
    }

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _queryValues;

    /// <summary>The marketplace operation, e.g. <c>orders.list</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP method in upper case.</summary>
    public string Method { get; }

    /// <summary>The path, without the query.</summary>
    public string Path { get; }

    /// <summary>
    /// The path as the client sent it, percent-encoding intact (<c>/items/A%2BB</c>), for a route whose values may hold
    /// <c>/</c>, <c>+</c> or <c>%</c>: <see cref="Path"/> and <see cref="RouteValues"/> are decoded already. Defaults to
    /// <see cref="Path"/>.
    /// </summary>
    public string RawPath { get; init; }

    /// <summary>The query parameters (the first value of each).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>
    /// Every value of each query parameter, in the order received: a parameter given twice (<c>a=1&amp;a=2</c>) has two.
    /// <see cref="Query"/> keeps only the first, so a fake that must refuse a repeated parameter reads this. Defaults to
    /// the one value of each parameter in <see cref="Query"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryValues
    {
        get => _queryValues ?? Query.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[pair.Value], StringComparer.OrdinalIgnoreCase);
        init => _queryValues = value;
    }

    /// <summary>
    /// The query as received, without the leading <c>?</c> and still percent-encoded: every parameter, repeated ones
    /// included, for a fake that must check what a client signed (OAuth 1.0a).
    /// </summary>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>The request headers (the first value of each), names case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body, or <see langword="null"/>.</summary>
    public string? Body { get; }

    /// <summary>The values the route's path pattern captured (named groups), e.g. <c>id</c>.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>
    /// A fault the route acts out itself: <see cref="FaultKind.PartialBatchFailure"/> on a batch route. Other
    /// routes ignore it and answer normally.
    /// </summary>
    public FaultKind? Fault { get; }
}
