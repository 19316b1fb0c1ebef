using System.Net;

namespace Connect.Sdk.Http;

/// <summary>A marketplace's answer after the resilience pipeline's retries: a success, or an error the caller decides about.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text, with the connection's secrets redacted.</param>
/// <param name="Headers">The response's headers, each with its values joined by <c>", "</c>; names compare case-insensitively.</param>
public sealed record MarketplaceAnswer(HttpStatusCode StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Whether the marketplace answered 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>A header's value, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
