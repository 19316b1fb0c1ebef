using System.Net;
using Connect.Sdk.Http;

namespace Connect.Sdk.Otto.Http;

/// <summary>An answer of OTTO after the HTTP foundation's retries, with the connection's client that reads it.</summary>
/// <param name="Answer">The answer, its body redacted.</param>
/// <param name="Client">The connection's client.</param>
internal sealed record OttoResponse(MarketplaceAnswer Answer, MarketplaceClient Client)
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode => Answer.StatusCode;

    /// <summary>The body, redacted.</summary>
    public string Body => Answer.Body;

    /// <summary>Whether OTTO answered 2xx.</summary>
    public bool IsSuccess => Answer.IsSuccess;
}
