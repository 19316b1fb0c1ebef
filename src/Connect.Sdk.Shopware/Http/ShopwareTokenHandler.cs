using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Http;

/// <summary>
/// Puts a bearer token of the OAuth2 client-credentials grant (<c>POST /api/oauth/token</c>) on each attempt. A token is
/// kept per shop and access key and fetched again a minute before <c>expires_in</c> runs out; a 401 on a kept token (the
/// shop revoked it) fetches a new one and sends the request once more. The token request goes through the handlers
/// below this one only, so it is never retried on its own.
/// </summary>
/// <param name="time">The time a token's expiry is measured on.</param>
internal sealed class ShopwareTokenHandler(TimeProvider time) : DelegatingHandler
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);

    // Shared by every handler instance: IHttpClientFactory rebuilds handler chains, a token outlives them.
    private static readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> Tokens = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets)
            || !secrets.TryGetValue(ShopwareConnector.ClientIdKey, out var clientId)
            || !secrets.TryGetValue(ShopwareConnector.ClientSecretKey, out var clientSecret)
            || TokenUri(request.RequestUri) is not { } tokenUri)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // The search API answers its plain JSON shape only when asked; its default is JSON:API.
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        var key = CacheKey(tokenUri, clientId.Reveal(), clientSecret.Reveal());
        var (token, refusal, fetched) = await TokenAsync(key, tokenUri, clientId.Reveal(), clientSecret.Reveal(), forceNew: false, request, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return refusal!;
        }

        var retry = fetched ? null : await CopyAsync(request, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await HttpRedaction.WithoutEchoedSecretAsync(await base.SendAsync(request, cancellationToken).ConfigureAwait(false), token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || retry is null)
        {
            retry?.Dispose();
            return response;
        }

        // A kept token the shop no longer accepts: one new token, one more try.
        response.Dispose();
        using (retry)
        {
            var (renewed, renewalRefusal, _) = await TokenAsync(key, tokenUri, clientId.Reveal(), clientSecret.Reveal(), forceNew: true, request, cancellationToken).ConfigureAwait(false);
            if (renewed is null)
            {
                return renewalRefusal!;
            }

            retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
            return await HttpRedaction.WithoutEchoedSecretAsync(await base.SendAsync(retry, cancellationToken).ConfigureAwait(false), renewed, cancellationToken).ConfigureAwait(false);
        }
    }

    // {shop}/api/… → {shop}/api/oauth/token, also for a shop installed under a path.
    private static Uri? TokenUri(Uri? requestUri)
    {
        if (requestUri is null)
        {
            return null;
        }

        var path = requestUri.AbsolutePath;
        var api = path.IndexOf("/api/", StringComparison.Ordinal);
        return api < 0 ? null : new Uri(requestUri, path[..(api + 5)] + ShopwareApi.TokenPath);
    }

    private static string CacheKey(Uri tokenUri, string clientId, string clientSecret) =>
        tokenUri.AbsoluteUri + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId + "\n" + clientSecret)));

    // The token and whether it was fetched now, or the refusal to answer the request with instead.
    private async Task<(string? Token, HttpResponseMessage? Refusal, bool Fetched)> TokenAsync(string key, Uri tokenUri, string clientId, string clientSecret, bool forceNew, HttpRequestMessage original, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!forceNew && Tokens.TryGetValue(key, out var kept) && now < kept.Expires - RefreshAhead)
        {
            return (kept.Token, null, false);
        }

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, tokenUri)
        {
            Content = new StringContent(JsonSerializer.Serialize(new TokenRequestJson("client_credentials", clientId, clientSecret), ShopwareJsonContext.Default.TokenRequestJson), Encoding.UTF8, "application/json"),
        };
        tokenRequest.Headers.Accept.ParseAdd("application/json");
        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)tokenRequest.Options)[option.Key] = option.Value;
        }

        var answer = await base.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
        {
            // The token route's refusal (401 invalid_client) stands for the request: the connection's credentials are wrong.
            return (null, answer, true);
        }

        using (answer)
        {
            var body = await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            TokenJson? token;
            try
            {
                token = JsonSerializer.Deserialize(body, ShopwareJsonContext.Default.TokenJson);
            }
            catch (JsonException)
            {
                token = null;
            }

            if (token is null || string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn <= 0)
            {
                return (null, new HttpResponseMessage(HttpStatusCode.BadGateway)
                {
                    Content = new StringContent("""{"errors":[{"status":"502","code":"CONNECT_SDK__TOKEN_UNREADABLE","title":"Bad Gateway","detail":"The token answer of /api/oauth/token is not the documented {access_token, expires_in}."}]}""", Encoding.UTF8, "application/json"),
                }, true);
            }

            Tokens[key] = (token.AccessToken, now + TimeSpan.FromSeconds(token.ExpiresIn));
            return (token.AccessToken, null, true);
        }
    }

    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            copy.Content = new ByteArrayContent(bytes);
            foreach (var header in request.Content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
