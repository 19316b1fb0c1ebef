namespace Connect.Sdk.Testing.Fakes;

/// <summary>An answer a fake marketplace's route gives: status code, body and headers.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body, usually JSON; <see langword="null"/> for none.</param>
/// <param name="Headers">Extra response headers, or <see langword="null"/>.</param>
public sealed record FakeResponse(int StatusCode, string? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The content type of <see cref="Body"/>; JSON unless said otherwise.</summary>
    public string ContentType { get; init; } = "application/json; charset=UTF-8";
}
