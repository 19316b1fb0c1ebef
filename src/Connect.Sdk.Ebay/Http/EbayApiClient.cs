using Connect.Sdk.Ebay.Auth;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Ebay.Http;

/// <summary>
/// Sends one Sell API call for one connection through a <see cref="MarketplaceClient"/>: the connection's API host, its
/// access token as the <c>Authorization</c> secret (put on each attempt by the client's <see cref="EbayBearerHandler"/>, which masks it in any answer echoing it),
/// a redactor over every secret and the token, eBay's error wording and, when the connection sets a request rate, its
/// rate budget per seller application and marketplace.
/// </summary>
internal sealed class EbayApiClient(IHttpClientFactory httpClients, EbayTokenCache tokens, ILogger logger)
{
    /// <summary>The marketplace's name in messages.</summary>
    public const string Marketplace = "eBay";

    /// <summary>The endpoint secret the signing handler sends as the <c>Authorization</c> header.</summary>
    public const string AuthorizationSecret = "authorization";

    /// <summary>Sends a call and reads the whole answer; a token eBay refuses with 401 is exchanged once and the call sent again.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="call">The call; its path is under the API host.</param>
    /// <param name="cancellationToken">Cancels the call and its waits.</param>
    /// <returns>The answer, whatever its status, its body redacted.</returns>
    /// <exception cref="ConnectionSettingException">eBay refused the refresh token or the keys.</exception>
    /// <exception cref="ConnectSdkException">eBay could not be reached, or a write went out without an answer.</exception>
    public async Task<EbayResponse> SendAsync(EbaySettings settings, MarketplaceCall call, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(settings, cancellationToken).ConfigureAwait(false);
        var response = await SendWithAsync(settings, token, call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // eBay refused the token before doing anything (ended early), so sending the call again is safe even for a write;
        // a refresh token eBay no longer takes fails the exchange with a message saying to authorise again.
        var renewed = await tokens.RenewAsync(settings, token, cancellationToken).ConfigureAwait(false);
        return await SendWithAsync(settings, renewed, call, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EbayResponse> SendWithAsync(EbaySettings settings, EbayAccessToken token, MarketplaceCall call, CancellationToken cancellationToken)
    {
        var bearer = new SecretValue("Bearer " + token.Value.Reveal());
        var endpoint = new MarketplaceEndpoint(Marketplace, settings.ApiEndpoint, new SecretRedactor([settings.ClientSecret, settings.RefreshToken, settings.BasicCredentials, token.Value]))
        {
            ConnectionId = settings.ConnectionId,
            Secrets = new Dictionary<string, SecretValue>(StringComparer.Ordinal) { [AuthorizationSecret] = bearer },
            DescribeError = EbayResponse.Describe,
            // eBay counts calls per application and seller; a connection that sets a rate paces its own account's calls.
            RateBudget = settings.RequestsPerSecond is { } rate
                ? new RateBudgetScope($"ebay:{settings.ClientId}:{settings.CredentialsFingerprint[..16]}", RateLimitModel.TokenBucket(rate, Math.Max(1, (int)Math.Ceiling(rate))))
                : null,
        };
        var answer = await new MarketplaceClient(httpClients.CreateClient(EbayConnector.HttpClientName), endpoint).SendAsync(call, cancellationToken).ConfigureAwait(false);
        EbayLog.Answered(logger, call.Operation, settings.ConnectionId.Value, (int)answer.StatusCode);
        return new EbayResponse(answer.StatusCode, answer.Body, answer.Headers);
    }

    /// <summary>The failure for an answer that is not a success; its code follows the status (401/403 pause the connection).</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="response">The answer.</param>
    /// <param name="what">What was asked for.</param>
    /// <returns>The exception to throw.</returns>
    public static ConnectSdkException Refused(EbaySettings settings, string operation, EbayResponse response, string what) =>
        new($"eBay answered {operation} for {what} with {(int)response.StatusCode} {settings.Redactor.Redact(EbayResponse.Describe(response.Body))}.")
        {
            ConnectionId = settings.ConnectionId,
            MarketplaceStatusCode = (int)response.StatusCode,
        };
}
