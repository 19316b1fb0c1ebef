using System.Net.Http.Headers;
using System.Text;
using Connect.Sdk.Amazon.Auth;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// Sends one SP-API request for one connection through the connector's marketplace client: the operation's rate
/// budget (per seller, region and operation), the connection's secrets and current access token for redaction, the
/// operation's name, and for idempotent writes the mark that lets the resilience pipeline retry them. The access token
/// itself is added by <see cref="AmazonAccessTokenHandler"/>.
/// </summary>
internal sealed class AmazonApiClient(IHttpClientFactory httpClients, AccessTokenCache tokens)
{
    /// <summary>Sends a request and reads the whole answer.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="operation">The SP-API operation.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path under the SP-API endpoint, without a leading slash, with its query.</param>
    /// <param name="jsonBody">The JSON body, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request and its waits.</param>
    /// <returns>The answer, whatever its status.</returns>
    /// <exception cref="AmazonSettingException">Login with Amazon refused the credentials.</exception>
    /// <exception cref="WriteInDoubtException">A write went out and no answer came back.</exception>
    /// <exception cref="HttpRequestException">Amazon could not be reached, after the retries.</exception>
    /// <exception cref="TimeoutException">The request ran out of time, after the retries.</exception>
    public async Task<AmazonResponse> SendAsync(
        AmazonConnectionSettings settings,
        AmazonOperation operation,
        HttpMethod method,
        string pathAndQuery,
        string? jsonBody,
        CancellationToken cancellationToken)
    {
        // Fetched here as well as in the handler (where it is a cache hit) so the redactor knows the token.
        var token = await tokens.GetAsync(settings, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, new Uri(settings.SpApiEndpoint, pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(AmazonAccessTokenHandler.Connection, settings);
        request.Options.Set(MarketplaceRequest.Operation, operation.Name);
        request.Options.Set(MarketplaceRequest.RateBudget, operation.ScopeFor(settings.SellerId, settings.Region));
        request.Options.Set(MarketplaceRequest.Redactor, new SecretRedactor([settings.ClientSecret, settings.RefreshToken, token.Value]));
        if (operation.IsIdempotentWrite)
        {
            request.Options.Set(MarketplaceRequest.Idempotent, true);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await httpClients.CreateClient(AmazonConnector.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new AmazonResponse(response.StatusCode, body);
    }
}
