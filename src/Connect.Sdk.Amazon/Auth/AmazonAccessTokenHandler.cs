using System.Net;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Auth;

/// <summary>
/// Puts the connection's LWA access token into the <c>x-amz-access-token</c> header of every SP-API request, and when
/// Amazon answers 401 or 403 saying the token expired, renews it once and sends the request again. It runs inside
/// pacing and the retries, as the client's signing handler, so each attempt carries a valid token; it finds the
/// connection's settings by the connection the <see cref="MarketplaceClient"/> names on the request
/// (<see cref="MarketplaceRequest.Connection"/>). It never logs, and the header is not logged by the handlers around it.
/// </summary>
internal sealed class AmazonAccessTokenHandler(AccessTokenCache tokens) : DelegatingHandler
{
    /// <summary>The header Amazon reads the access token from.</summary>
    public const string AccessTokenHeader = "x-amz-access-token";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The LWA exchange itself passes through untouched, as does a request that names no connection.
        if ((request.Options.TryGetValue(MarketplaceRequest.Operation, out var operation) && operation == LwaTokenClient.Operation)
            || !request.Options.TryGetValue(MarketplaceRequest.Connection, out var connection)
            || tokens.SettingsOf(connection) is not { } settings)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetAsync(settings, cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await SaysTokenExpiredAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        // Amazon refused the token before doing anything, so sending the request again is safe even for a write.
        var retry = await CopyAsync(request, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        SetToken(retry, await tokens.RenewAsync(settings, token, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    private static void SetToken(HttpRequestMessage request, AccessToken token)
    {
        request.Headers.Remove(AccessTokenHeader);
        request.Headers.TryAddWithoutValidation(AccessTokenHeader, token.Value.Reveal());
    }

    private static async Task<bool> SaysTokenExpiredAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return false;
        }

        // Only an expired token is worth another exchange; a token Amazon does not know at all, or a seller who has not
        // authorised the operation, would be refused again. The body is buffered, so the caller can still read it.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("expired", StringComparison.OrdinalIgnoreCase);
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
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            copy.Content = new ByteArrayContent(bytes);
            foreach (var header in content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
