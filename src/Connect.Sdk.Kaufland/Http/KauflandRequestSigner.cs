using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.Http;

namespace Connect.Sdk.Kaufland.Http;

/// <summary>
/// Signs each attempt of a request as the Seller API requires: <c>Shop-Client-Key</c>, <c>Shop-Timestamp</c> (unix
/// seconds on the SDK's <see cref="TimeProvider"/>), <c>Shop-Signature</c> (<see cref="Sign"/>), <c>Accept:
/// application/json</c> and the partner solution as <c>User-Agent</c>. It runs inside the retries, so a retried request
/// is signed afresh with a new timestamp; it logs nothing.
/// </summary>
internal sealed class KauflandRequestSigner(TimeProvider time) : DelegatingHandler
{
    /// <summary>
    /// The signature: the lowercase hex HMAC-SHA256, keyed with the secret key, of the method, the full URI with its query,
    /// the body (empty for none) and the timestamp, each on its own line
    /// (https://sellerapi.kaufland.com/?page=rest-api#signing-requests).
    /// </summary>
    /// <param name="method">The HTTP method in upper case.</param>
    /// <param name="uri">The full URI as sent.</param>
    /// <param name="body">The body as sent, or <c>""</c>.</param>
    /// <param name="timestamp">The unix time in seconds, as in <c>Shop-Timestamp</c>.</param>
    /// <param name="secretKey">The secret key.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string Sign(string method, string uri, string body, long timestamp, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var signed = string.Join('\n', method, uri, body, timestamp.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(signed)));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(MarketplaceRequest.Secrets, out var values) && KauflandCredentials.From(values) is { } credentials && request.RequestUri is { } uri)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();

            // AbsoluteUri is what goes on the wire: the escaped path and query after the scheme and host.
            var signature = Sign(request.Method.Method.ToUpperInvariant(), uri.AbsoluteUri, body, timestamp, credentials.SecretKey.Reveal());
            request.Headers.Remove(KauflandApi.ClientKeyHeader);
            request.Headers.Remove(KauflandApi.TimestampHeader);
            request.Headers.Remove(KauflandApi.SignatureHeader);
            request.Headers.TryAddWithoutValidation(KauflandApi.ClientKeyHeader, credentials.ClientKey.Reveal());
            request.Headers.TryAddWithoutValidation(KauflandApi.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(KauflandApi.SignatureHeader, signature);
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", credentials.UserAgent);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
