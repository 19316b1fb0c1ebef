namespace Connect.Sdk.Http;

/// <summary>
/// Puts one of the connection's secrets (<see cref="MarketplaceRequest.Secrets"/>) on each attempt as a header: the
/// authentication of marketplaces that take a token as it is. A scheme that signs the request needs its own handler.
/// </summary>
/// <param name="secretKey">The secret's setting key.</param>
/// <param name="header">The header, e.g. <c>Authorization</c> or <c>X-Shopify-Access-Token</c>.</param>
/// <param name="prefix">What goes before the secret, e.g. <c>Bearer </c>; empty for none.</param>
public sealed class SecretHeaderHandler(string secretKey, string header, string prefix = "") : DelegatingHandler
{
    /// <summary>A handler that sends the secret as <c>Authorization: Bearer …</c>.</summary>
    /// <param name="secretKey">The secret's setting key.</param>
    /// <returns>The handler.</returns>
    public static SecretHeaderHandler Bearer(string secretKey) => new(secretKey, "Authorization", "Bearer ");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) && secrets.TryGetValue(secretKey, out var secret))
        {
            // Replaced, not added: a retried request carries the header its previous attempt got.
            request.Headers.Remove(header);
            request.Headers.TryAddWithoutValidation(header, prefix + secret.Reveal());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
