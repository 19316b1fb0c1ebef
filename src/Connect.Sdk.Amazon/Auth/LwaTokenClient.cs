using System.Net;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Amazon.Auth;

/// <summary>
/// Exchanges a seller's LWA refresh token for an access token (<c>POST /auth/o2/token</c>,
/// <c>grant_type=refresh_token</c>) through a <see cref="MarketplaceClient"/>. The JSON body carries the client secret
/// and the refresh token, so it is never logged; the request carries no SP-API rate budget (Login with Amazon is not an
/// SP-API operation), and the access-token handler lets it pass (<see cref="Operation"/>).
/// </summary>
internal sealed class LwaTokenClient(IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
{
    /// <summary>The operation name of the exchange in logs, traces and metrics.</summary>
    public const string Operation = "lwa.token";

    // Renew this long before Amazon's expiry, so a request signed just before it does not arrive with a dead token.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(1);

    /// <summary>Exchanges the connection's refresh token.</summary>
    /// <param name="settings">The connection's credentials and token endpoint.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="AmazonSettingException">LWA refused the credentials; names the setting to fix.</exception>
    /// <exception cref="ConnectSdkException">LWA could not be reached (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>) or answered something else.</exception>
    public async Task<AccessToken> ExchangeAsync(AmazonConnectionSettings settings, CancellationToken cancellationToken)
    {
        // No rate budget: Login with Amazon is not an SP-API operation. Asking again only earns another token, so the
        // exchange is safe to retry after a lost answer.
        var endpoint = new MarketplaceEndpoint("Login with Amazon", settings.TokenEndpoint, settings.Redactor) { ConnectionId = settings.ConnectionId };
        var body = new LwaTokenRequestJson("refresh_token", settings.RefreshToken.Reveal(), settings.ClientId, settings.ClientSecret.Reveal());
        var call = MarketplaceCall.Json(HttpMethod.Post, settings.TokenEndpoint.AbsoluteUri, Operation, body, AmazonJsonContext.Default.LwaTokenRequestJson) with { Idempotent = true };
        var answer = await new MarketplaceClient(httpClients.CreateClient(AmazonConnector.HttpClientName), endpoint).SendAsync(call, cancellationToken).ConfigureAwait(false);
        return TokenFrom(answer.StatusCode, answer.Body, settings);
    }

    private AccessToken TokenFrom(HttpStatusCode status, string body, AmazonConnectionSettings settings)
    {
        if (status == HttpStatusCode.OK)
        {
            var token = Parse(body, settings);
            AmazonLog.TokenExchanged(logger, settings.ConnectionId.Value, token.RenewAt);
            return token;
        }

        var refusal = Refusal(body);
        AmazonLog.TokenRefused(logger, settings.ConnectionId.Value, (int)status, refusal?.Error ?? "-");
        // The refusal as the cause marks the credentials refused, so that the SDK pauses the connection instead of failing
        // every record with it until someone stores new credentials.
        var refused = new ConnectSdkException($"Login with Amazon refused the credentials ({refusal?.Error}).")
        {
            ConnectionId = settings.ConnectionId,
            MarketplaceStatusCode = (int)status,
            CredentialsRefused = true,
        };
        throw refusal?.Error switch
        {
            "invalid_grant" => new AmazonSettingException(
                AmazonConnector.RefreshTokenKey,
                $"Login with Amazon refused the refresh token of connection {settings.ConnectionId} ({refusal.Error}: {settings.Redactor.Redact(refusal.Description)}); authorise the application again in Seller Central and store the new refresh token in '{AmazonConnector.RefreshTokenKey}'.",
                refused) { Code = ConnectSdkErrorCode.CredentialsRefused, ConnectionId = settings.ConnectionId, MarketplaceErrorCodes = [refusal.Error] },
            "invalid_client" or "unauthorized_client" => new AmazonSettingException(
                AmazonConnector.ClientSecretKey,
                $"Login with Amazon refused the application of connection {settings.ConnectionId} ({refusal.Error}: {settings.Redactor.Redact(refusal.Description)}); check '{AmazonConnector.ClientIdKey}' and '{AmazonConnector.ClientSecretKey}'.",
                refused) { Code = ConnectSdkErrorCode.CredentialsRefused, ConnectionId = settings.ConnectionId, MarketplaceErrorCodes = [refusal.Error] },
            _ => new ConnectSdkException(
                $"Login with Amazon answered the token exchange of connection {settings.ConnectionId} with {(int)status} ({refusal?.Error ?? "no error code"}: {settings.Redactor.Redact(refusal?.Description ?? AmazonResponse.Excerpt(body))}).")
            {
                ConnectionId = settings.ConnectionId,
                MarketplaceStatusCode = (int)status,
            },
        };
    }

    private static LwaErrorJson? Refusal(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, AmazonJsonContext.Default.LwaErrorJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private AccessToken Parse(string body, AmazonConnectionSettings settings)
    {
        LwaTokenJson? token;
        try
        {
            token = JsonSerializer.Deserialize(body, AmazonJsonContext.Default.LwaTokenJson);
        }
        catch (JsonException ex)
        {
            // The serializer's own message names .NET types and positions; the user reads LWA's field, or that it was no JSON.
            var problem = JsonFieldProblem.IsAboutAField(ex) ? JsonFieldProblem.Describe(ex) : "it is not JSON";
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Login with Amazon answered the token exchange of connection {settings.ConnectionId} with a body that is not the documented JSON: {problem}") { ConnectionId = settings.ConnectionId };
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn <= 0)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Login with Amazon answered the token exchange of connection {settings.ConnectionId} without an access token or lifetime.") { ConnectionId = settings.ConnectionId };
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        var margin = lifetime > RenewalMargin * 2 ? RenewalMargin : lifetime / 2;
        return new AccessToken(new SecretValue(token.AccessToken), time.GetUtcNow() + lifetime - margin, settings.CredentialsFingerprint);
    }
}
