namespace Connect.Sdk.Testing.Fakes;

/// <summary>One request a fake marketplace received, as its request log keeps it (secrets masked).</summary>
/// <param name="Number">The request's number, counted from one.</param>
/// <param name="Operation">The marketplace operation it was, e.g. <c>orders.list</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query, with signed parameters masked.</param>
/// <param name="StatusCode">The status code the fake answered with; zero for a dropped connection.</param>
public sealed record FakeRequest(int Number, string Operation, string Method, string PathAndQuery, int StatusCode)
{
    /// <summary>
    /// The exception the fake's own handler threw for this request (it answered the marketplace's 500), or
    /// <see langword="null"/>: a bug of the fake, not a marketplace behaviour.
    /// </summary>
    public Exception? HandlerError { get; init; }
}
