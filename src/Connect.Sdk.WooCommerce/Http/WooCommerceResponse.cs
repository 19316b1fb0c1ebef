using System.Globalization;
using System.Net;
using Connect.Sdk.Http;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>An answer of the shop after the HTTP foundation's retries: a success, or an error the caller decides about.</summary>
/// <param name="Answer">The answer as the connection's marketplace client returned it, its body redacted.</param>
/// <param name="Client">The connection's client, which reads the body and words a refusal.</param>
internal sealed record WooCommerceResponse(MarketplaceAnswer Answer, MarketplaceClient Client)
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode => Answer.StatusCode;

    /// <summary>The body as text, with the connection's credentials redacted.</summary>
    public string Body => Answer.Body;

    /// <summary>The <c>X-WP-TotalPages</c> header of a list, if sent.</summary>
    public int? TotalPages =>
        int.TryParse(Answer.Header(WooCommerceApi.TotalPagesHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var pages) ? pages : null;

    /// <summary>Whether the shop answered 2xx.</summary>
    public bool IsSuccess => Answer.IsSuccess;
}
