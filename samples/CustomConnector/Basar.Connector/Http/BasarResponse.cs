using System.Net;

namespace Basar.Connector.Http;

/// <summary>An answer of Basar that needs no retry: a success, or an error the caller decides about (401, 404, 422).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text.</param>
internal sealed record BasarResponse(HttpStatusCode StatusCode, string Body)
{
    /// <summary>Whether Basar answered 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
