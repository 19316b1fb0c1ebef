using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Connect.Sdk.Http;
using Connect.Sdk.Otto.Wire;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto.Http;

/// <summary>
/// Puts an OAuth2 access token on every request to OTTO Market: it asks <c>POST /v1/token</c> (form-encoded,
/// <c>grant_type=client_credentials</c> with the connection's client id, secret and the scopes the connector uses) when
/// the client has no valid token, keeps it until shortly before <c>expires_in</c>, and when OTTO answers 401 to a kept
/// token, drops it, gets a new one and sends the request once more (OTTO refused it before doing anything, so even a
/// write is safe to repeat). A refused exchange is the request's answer: the token endpoint's 401 reaches the feature,
/// which reports the credentials refused. It runs inside pacing and the retries, logs nothing, and the token travels
/// only in the <c>Authorization</c> header, which no handler logs; an answer echoing it has it masked (<see cref="HttpRedaction.WithoutEchoedSecretAsync"/>).
/// </summary>
internal sealed class OttoAuthenticationHandler(OttoAccessTokens tokens, TimeProvider time) : DelegatingHandler
{
    // Renew this long before OTTO's expiry, so a request sent just before it does not arrive with a dead token.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) || OttoCredentials.From(secrets) is not { } credentials || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var tokenUri = new Uri(request.RequestUri, OttoApi.TokenPath);
        var client = tokenUri.GetLeftPart(UriPartial.Authority) + "|" + credentials.Fingerprint();
        var (token, refusal) = await TokenAsync(client, tokenUri, credentials, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return refusal!;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Reveal());
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return await HttpRedaction.WithoutEchoedSecretAsync(response, token.Value.Reveal(), cancellationToken).ConfigureAwait(false);
        }

        tokens.Drop(client, token);
        var (renewed, secondRefusal) = await TokenAsync(client, tokenUri, credentials, cancellationToken).ConfigureAwait(false);
        if (renewed is null)
        {
            response.Dispose();
            return secondRefusal!;
        }

        var retry = await CopyAsync(request, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.Value.Reveal());
        return await HttpRedaction.WithoutEchoedSecretAsync(await base.SendAsync(retry, cancellationToken).ConfigureAwait(false), renewed.Value.Reveal(), cancellationToken).ConfigureAwait(false);
    }

    // The kept token, or a new one; when OTTO refuses the exchange, its answer instead, for the request to return.
    private async Task<(OttoAccessToken? Token, HttpResponseMessage? Refusal)> TokenAsync(string client, Uri tokenUri, OttoCredentials credentials, CancellationToken cancellationToken)
    {
        HttpResponseMessage? refusal = null;
        var token = await tokens.GetAsync(
            client,
            async ct =>
            {
                var answer = await ExchangeAsync(tokenUri, credentials, ct).ConfigureAwait(false);
                if (answer.StatusCode == HttpStatusCode.OK && await TokenFromAsync(answer, ct).ConfigureAwait(false) is { } issued)
                {
                    answer.Dispose();
                    return issued;
                }

                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    // A success without a usable token must not pass for the API's answer: it is a failing gateway.
                    answer.Dispose();
                    answer = new HttpResponseMessage(HttpStatusCode.BadGateway)
                    {
                        Content = new StringContent("{\"errors\":[{\"title\":\"TOKEN_UNREADABLE\",\"path\":\"/v1/token\",\"detail\":\"OTTO's token endpoint answered 200 without an access token and lifetime.\"}]}"),
                    };
                }

                refusal = answer;
                return null;
            },
            cancellationToken).ConfigureAwait(false);
        return (token, refusal);
    }

    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        if (request.Content is { } content)
        {
            copy.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            foreach (var header in content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    private Task<HttpResponseMessage> ExchangeAsync(Uri tokenUri, OttoCredentials credentials, CancellationToken cancellationToken)
    {
        var exchange = new HttpRequestMessage(HttpMethod.Post, tokenUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", credentials.ClientId),
                new("client_secret", credentials.ClientSecret.Reveal()),
                new("scope", OttoApi.Scopes),
            ]),
        };
        return base.SendAsync(exchange, cancellationToken);
    }

    private async Task<OttoAccessToken?> TokenFromAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        OttoTokenJson? token;
        try
        {
            token = JsonSerializer.Deserialize(await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), OttoJsonContext.Default.OttoTokenJson);
        }
        catch (JsonException)
        {
            token = null;
        }

        if (token is not { AccessToken.Length: > 0, ExpiresIn: > 0 })
        {
            return null;
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        var margin = lifetime > RenewalMargin * 2 ? RenewalMargin : lifetime / 2;
        return new OttoAccessToken(new SecretValue(token.AccessToken), time.GetUtcNow() + lifetime - margin);
    }
}
