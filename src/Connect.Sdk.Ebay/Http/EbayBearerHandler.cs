using Connect.Sdk.Http;

namespace Connect.Sdk.Ebay.Http;

/// <summary>
/// Puts the connection's access token on each attempt as <c>Authorization: Bearer …</c> and masks it in any answer that
/// echoes it (<see cref="HttpRedaction.WithoutEchoedSecretAsync"/>, as the Shopware and OTTO token handlers do): the token
/// is fetched at run time, so the connection's redactor does not know it, and an answer masked here reaches no handler,
/// log line or message with it.
/// </summary>
internal sealed class EbayBearerHandler : DelegatingHandler
{
    private const string Scheme = "Bearer ";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) || !secrets.TryGetValue(EbayApiClient.AuthorizationSecret, out var authorization))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Replaced, not added: a retried request carries the header its previous attempt got.
        var value = authorization.Reveal();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", value);
        var token = value.StartsWith(Scheme, StringComparison.Ordinal) ? value[Scheme.Length..] : value;
        return await HttpRedaction.WithoutEchoedSecretAsync(await base.SendAsync(request, cancellationToken).ConfigureAwait(false), token, cancellationToken).ConfigureAwait(false);
    }
}
