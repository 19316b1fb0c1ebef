using System.Net;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>An answer of the shop after the HTTP foundation's retries: a success, or an error the caller decides about.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text.</param>
/// <param name="TotalPages">The <c>X-WP-TotalPages</c> header of a list, if sent.</param>
internal sealed record WooCommerceResponse(HttpStatusCode StatusCode, string Body, int? TotalPages)
{
    /// <summary>Whether the shop answered 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
