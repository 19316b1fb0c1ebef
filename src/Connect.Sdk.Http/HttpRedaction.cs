using System.Text;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Http;

/// <summary>
/// Decides which parts of a request are secret, so they never reach a log line or an exception message: credential
/// headers (<c>Authorization</c>, <c>X-Shopify-Access-Token</c>, <c>x-amz-access-token</c>, signatures) and
/// query parameters that carry tokens, keys or signatures (<c>access_token</c>, <c>consumer_secret</c>,
/// <c>X-Amz-Signature</c>).
/// </summary>
public static class HttpRedaction
{
    // Matched as parts of a lower-cased name, so "X-Amz-Signature", "oauth_signature" and "client_secret" all count.
    private static readonly string[] SecretNameParts =
    [
        "authorization", "token", "secret", "signature", "password", "api-key", "api_key", "apikey",
        "credential", "client-key", "consumer_key", "cookie", "session", "hmac",
    ];

    /// <summary>Whether a header or query-parameter name carries a secret.</summary>
    /// <param name="name">The name, in any case.</param>
    /// <returns><see langword="true"/> if its value must be redacted.</returns>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        return Array.Exists(SecretNameParts, part => lower.Contains(part, StringComparison.Ordinal));
    }

    /// <summary>
    /// The URI as it may be logged: the value of every secret query parameter replaced with
    /// <see cref="SecretValue.Redacted"/>, user info removed, then every secret <paramref name="redactor"/> knows removed.
    /// </summary>
    /// <param name="uri">The request URI, possibly <see langword="null"/>.</param>
    /// <param name="redactor">Known secret values of the connection; <see cref="SecretRedactor.None"/> if none.</param>
    /// <returns>The loggable text.</returns>
    public static string RedactUri(Uri? uri, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        if (uri is null)
        {
            return string.Empty;
        }

        if (!uri.IsAbsoluteUri)
        {
            return redactor.Redact(RedactQuery(uri.OriginalString)) ?? string.Empty;
        }

        var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (uri.Query.Length > 1)
        {
            text += RedactQuery(uri.Query);
        }

        return redactor.Redact(text) ?? string.Empty;
    }

    private static string RedactQuery(string text)
    {
        var start = text.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var result = new StringBuilder(text, 0, start + 1, text.Length);
        var pairs = text[(start + 1)..].Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0)
            {
                result.Append('&');
            }

            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pairs[i] : pairs[i][..equals];
            result.Append(equals >= 0 && IsSecretName(Uri.UnescapeDataString(name))
                ? $"{name}={SecretValue.Redacted}"
                : pairs[i]);
        }

        return result.ToString();
    }

    /// <summary>
    /// The answer with every copy of <paramref name="secret"/> in its body replaced by <see cref="SecretValue.Redacted"/>:
    /// for a credential the connection's <see cref="SecretRedactor"/> cannot know, such as an access token a handler
    /// fetched at run time, which an answer that echoes the request's headers (a proxy's error page) would otherwise
    /// carry into a message, a log line or the journal. Call it in the handler that sets the credential, on each answer.
    /// </summary>
    /// <param name="response">The answer to a request that carried the secret.</param>
    /// <param name="secret">The secret the request carried.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The same answer; its content replaced (media type kept) when the body held the secret.</returns>
    public static async Task<HttpResponseMessage> WithoutEchoedSecretAsync(HttpResponseMessage response, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (response.Content is not { } content)
        {
            return response;
        }

        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!body.Contains(secret, StringComparison.Ordinal))
        {
            return response;
        }

        var redacted = new StringContent(body.Replace(secret, SecretValue.Redacted, StringComparison.Ordinal), Encoding.UTF8);
        redacted.Headers.ContentType = content.Headers.ContentType;
        response.Content = redacted;
        content.Dispose();
        return response;
    }
}
