using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Ebay.Notifications;

/// <summary>
/// The public keys eBay signs notifications with, fetched from the Notification API (<c>GET
/// /commerce/notification/v1/public_key/{public_key_id}</c>) with an application token (client credentials grant) and
/// kept per key id, as eBay's notification SDKs cache them. Pass <see cref="KeyOfAsync"/> to an
/// <see cref="EbayNotificationVerifier"/>.
/// </summary>
public sealed class EbayNotificationPublicKeys
{
    private const string ApplicationScope = "https://api.ebay.com/oauth/api_scope";
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly Uri _apiEndpoint;
    private readonly SecretValue _basicCredentials;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
    private (SecretValue Token, DateTimeOffset RenewAt)? _applicationToken;

    /// <summary>Creates the key source.</summary>
    /// <param name="http">The client to call eBay with (an <c>IHttpClientFactory</c> client).</param>
    /// <param name="clientId">The application's client id (App ID).</param>
    /// <param name="clientSecret">The application's client secret (Cert ID); never logged.</param>
    /// <param name="apiEndpoint">eBay's API host; <see langword="null"/> for <c>https://api.ebay.com/</c>.</param>
    /// <param name="time">The time that decides when the application token is renewed; <see langword="null"/> for the system's.</param>
    public EbayNotificationPublicKeys(HttpClient http, string clientId, SecretValue clientSecret, Uri? apiEndpoint = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        _http = http;
        _apiEndpoint = apiEndpoint is null ? EbayApi.Production : apiEndpoint.AbsoluteUri.EndsWith('/') ? apiEndpoint : new Uri(apiEndpoint.AbsoluteUri + "/");
        _basicCredentials = new SecretValue(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret.Reveal()}")));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The PEM public key of a key id.</summary>
    /// <param name="keyId">The <c>kid</c> of the signature header.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The key as eBay serves it, or <see langword="null"/> when eBay does not know the id (404).</returns>
    /// <exception cref="ConnectSdkException">eBay refused the application's keys or answered something else; never names a secret.</exception>
    public async ValueTask<string?> KeyOfAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (_keys.TryGetValue(keyId, out var known))
        {
            return known;
        }

        var token = await ApplicationTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_apiEndpoint, $"commerce/notification/v1/public_key/{Uri.EscapeDataString(keyId)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectSdkException($"eBay answered getPublicKey for key {keyId} with {(int)response.StatusCode}.") { MarketplaceStatusCode = (int)response.StatusCode };
        }

        using var json = JsonDocument.Parse(body);
        var key = json.RootElement.TryGetProperty("key", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrEmpty(key))
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"eBay answered getPublicKey for key {keyId} without a key.");
        }

        _keys[keyId] = key;
        return key;
    }

    private async ValueTask<SecretValue> ApplicationTokenAsync(CancellationToken cancellationToken)
    {
        // Two notifications arriving together may each earn a token; both are valid, so no lock is worth holding.
        if (_applicationToken is { } held && _time.GetUtcNow() < held.RenewAt)
        {
            return held.Token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apiEndpoint, EbayApi.TokenPath))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = ApplicationScope }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials.Reveal());
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var token = response.IsSuccessStatusCode ? JsonSerializer.Deserialize(body, EbayJsonContext.Default.EbayTokenJson) : null;
        if (token is not { AccessToken.Length: > 0, ExpiresIn: > 0 })
        {
            throw new ConnectSdkException($"eBay refused the application token for the Notification API with {(int)response.StatusCode}; check the application's client id and secret.")
            {
                MarketplaceStatusCode = (int)response.StatusCode,
                CredentialsRefused = !response.IsSuccessStatusCode,
            };
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        var renewAt = _time.GetUtcNow() + lifetime - (lifetime > RenewalMargin * 2 ? RenewalMargin : lifetime / 2);
        var value = new SecretValue(token.AccessToken!);
        _applicationToken = (value, renewAt);
        return value;
    }
}
