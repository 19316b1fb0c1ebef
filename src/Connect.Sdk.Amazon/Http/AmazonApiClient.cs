using System.Net.Http.Headers;
using Connect.Sdk.Amazon.Auth;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// Sends one SP-API request for one connection through a <see cref="MarketplaceClient"/> on the connector's client: the
/// connection's endpoint, the operation's rate budget (per seller, region and operation), the connection's secrets and
/// current access token for redaction, the operation's name, and for idempotent writes the mark that lets the
/// resilience pipeline retry them. The access token itself is added by <see cref="AmazonAccessTokenHandler"/>.
/// </summary>
internal sealed class AmazonApiClient(IHttpClientFactory httpClients, AccessTokenCache tokens)
{
    /// <summary>The marketplace's name in messages.</summary>
    public const string Marketplace = "Amazon";

    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    /// <summary>Sends a request and reads the whole answer.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="operation">The SP-API operation.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path under the SP-API endpoint, without a leading slash, with its query.</param>
    /// <param name="jsonBody">The JSON body, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request and its waits.</param>
    /// <returns>The answer, whatever its status, its body redacted.</returns>
    /// <exception cref="AmazonSettingException">Login with Amazon refused the credentials.</exception>
    /// <exception cref="ConnectSdkException">
    /// Amazon could not be reached or did not answer in time after the retries (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>);
    /// a write went out without an answer (the same code, not transient: it may have been applied).
    /// </exception>
    public async Task<AmazonResponse> SendAsync(
        AmazonConnectionSettings settings,
        AmazonOperation operation,
        HttpMethod method,
        string pathAndQuery,
        string? jsonBody,
        CancellationToken cancellationToken)
    {
        // Asked here as well as in the handler (where it is a cache hit): the redactor must know the token, and the
        // handler finds the connection's settings by what this call left in the cache.
        var token = await tokens.GetAsync(settings, cancellationToken).ConfigureAwait(false);
        var endpoint = new MarketplaceEndpoint(Marketplace, settings.SpApiEndpoint, new SecretRedactor([settings.ClientSecret, settings.RefreshToken, token.Value]))
        {
            ConnectionId = settings.ConnectionId,
            RateBudget = operation.ScopeFor(settings.SellerId, settings.Region),
        };
        var call = new MarketplaceCall(method, pathAndQuery, operation.Name) { Body = jsonBody, Idempotent = operation.IsIdempotentWrite };
        var http = httpClients.CreateClient(AmazonConnector.HttpClientName);

        // SP-API answers JSON, and its models declare application/json as what each operation produces; the client says
        // it takes that, as Amazon's own clients do. Set on this call's client only: the LWA exchange sends its own.
        http.DefaultRequestHeaders.Accept.Add(JsonMediaType);
        var answer = await new MarketplaceClient(http, endpoint).SendAsync(call, cancellationToken).ConfigureAwait(false);
        return new AmazonResponse(answer.StatusCode, answer.Body);
    }
}
