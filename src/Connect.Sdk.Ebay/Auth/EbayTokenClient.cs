using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Ebay.Auth;

/// <summary>
/// Exchanges a seller's refresh token for a user access token: <c>POST /identity/v1/oauth2/token</c> with HTTP Basic
/// (the application's client id and secret), a form with <c>grant_type=refresh_token</c>, the refresh token and the
/// scopes. It goes through the connector's marketplace client (retries, redaction) but not through
/// <see cref="MarketplaceClient"/>, which sends JSON bodies only: the identity API takes a form.
/// </summary>
internal sealed class EbayTokenClient(IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
{
    /// <summary>The operation name of the exchange in logs, traces and metrics.</summary>
    public const string Operation = "identity.token";

    // Renew this long before eBay's expiry (two hours), so a request sent just before it does not arrive with a dead token.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    /// <summary>Exchanges the connection's refresh token.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="ConnectionSettingException">eBay refused the refresh token or the keys; names the setting, and says to authorise the application again for a revoked refresh token.</exception>
    /// <exception cref="ConnectSdkException">eBay could not be reached or answered something else.</exception>
    public async Task<EbayAccessToken> ExchangeAsync(EbaySettings settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiEndpoint, EbayApi.TokenPath))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = settings.RefreshToken.Reveal(),
                ["scope"] = EbayApi.Scopes,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", settings.BasicCredentials.Reveal());
        request.Options.Set(MarketplaceRequest.Operation, Operation);
        request.Options.Set(MarketplaceRequest.Redactor, settings.Redactor);
        request.Options.Set(MarketplaceRequest.Connection, settings.ConnectionId);

        // Asking again only earns another token, so a lost answer may be retried.
        request.Options.Set(MarketplaceRequest.Idempotent, true);
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await httpClients.CreateClient(EbayConnector.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = settings.Redactor.Redact(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) ?? string.Empty;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.MarketplaceUnavailable, $"eBay's identity API could not be reached for the token exchange of connection {settings.ConnectionId}: {settings.Redactor.Redact(ex.Message)}", ex)
            {
                ConnectionId = settings.ConnectionId,
            };
        }

        return status == HttpStatusCode.OK ? Parse(body, settings) : throw Refusal(status, body, settings);
    }

    private ConnectSdkException Refusal(HttpStatusCode status, string body, EbaySettings settings)
    {
        EbayOAuthErrorJson? refusal;
        try
        {
            refusal = JsonSerializer.Deserialize(body, EbayJsonContext.Default.EbayOAuthErrorJson);
        }
        catch (JsonException)
        {
            refusal = null;
        }

        var error = refusal?.Error ?? "-";
        EbayLog.TokenRefused(logger, settings.ConnectionId.Value, (int)status, error);
        var description = settings.Redactor.Redact(refusal?.Description ?? ErrorText.Excerpt(body, 80));

        // The refusal as the cause marks the credentials refused: the SDK pauses the connection and alerts, instead of
        // retrying a token exchange that cannot succeed until someone acts.
        var refused = new ConnectSdkException($"eBay refused the credentials ({error}).") { ConnectionId = settings.ConnectionId, MarketplaceStatusCode = (int)status, CredentialsRefused = true };
        return error switch
        {
            "invalid_grant" => new ConnectionSettingException(
                EbayConnector.RefreshTokenKey,
                $"eBay refused the refresh token of connection {settings.ConnectionId} ({error}: {description}): the seller withdrew the consent or the token ran out. Authorise the application again with the seller's eBay account and store the new refresh token in '{EbayConnector.RefreshTokenKey}'.",
                refused) { Code = ConnectSdkErrorCode.CredentialsRefused, ConnectionId = settings.ConnectionId, MarketplaceErrorCodes = [error] },
            "invalid_client" or "unauthorized_client" => new ConnectionSettingException(
                EbayConnector.ClientSecretKey,
                $"eBay refused the application's keys of connection {settings.ConnectionId} ({error}: {description}); check '{EbayConnector.ClientIdKey}' and '{EbayConnector.ClientSecretKey}' (the keyset's App ID and Cert ID).",
                refused) { Code = ConnectSdkErrorCode.CredentialsRefused, ConnectionId = settings.ConnectionId, MarketplaceErrorCodes = [error] },
            "invalid_scope" => new ConnectionSettingException(
                EbayConnector.RefreshTokenKey,
                $"eBay refused the scopes the connector needs for connection {settings.ConnectionId} ({error}: {description}); authorise the application again with the sell.inventory and sell.fulfillment scopes and store the new refresh token in '{EbayConnector.RefreshTokenKey}'.",
                refused) { Code = ConnectSdkErrorCode.CredentialsRefused, ConnectionId = settings.ConnectionId, MarketplaceErrorCodes = [error] },
            _ => new ConnectSdkException($"eBay answered the token exchange of connection {settings.ConnectionId} with {(int)status} ({error}: {description}).")
            {
                ConnectionId = settings.ConnectionId,
                MarketplaceStatusCode = (int)status,
            },
        };
    }

    private EbayAccessToken Parse(string body, EbaySettings settings)
    {
        EbayTokenJson? token;
        try
        {
            token = JsonSerializer.Deserialize(body, EbayJsonContext.Default.EbayTokenJson);
        }
        catch (JsonException ex)
        {
            var problem = JsonFieldProblem.IsAboutAField(ex) ? JsonFieldProblem.Describe(ex) : "it is not JSON";
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"eBay answered the token exchange of connection {settings.ConnectionId} with a body that is not the documented JSON: {problem}") { ConnectionId = settings.ConnectionId };
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn <= 0)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"eBay answered the token exchange of connection {settings.ConnectionId} without an access token or lifetime.") { ConnectionId = settings.ConnectionId };
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        var margin = lifetime > RenewalMargin * 2 ? RenewalMargin : lifetime / 2;
        var renewAt = time.GetUtcNow() + lifetime - margin;
        EbayLog.TokenExchanged(logger, settings.ConnectionId.Value, renewAt);
        return new EbayAccessToken(new SecretValue(token.AccessToken), renewAt, settings.CredentialsFingerprint);
    }
}
