using System.Text;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto.Http;

/// <summary>
/// The access token is no secret of the connection's settings, so the endpoint's redactor does not know it: an answer
/// that echoes the request's headers (a proxy's error page) has it replaced by <see cref="SecretValue.Redacted"/>
/// before any message, log line or journal entry sees the body.
/// </summary>
internal static class EchoedToken
{
    /// <summary>The answer, its body without the token.</summary>
    /// <param name="response">The answer to the request the token was sent with.</param>
    /// <param name="token">The token sent.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The same answer, its content replaced when it held the token.</returns>
    public static async Task<HttpResponseMessage> RemovedAsync(HttpResponseMessage response, string token, CancellationToken cancellationToken)
    {
        if (response.Content is not { } content)
        {
            return response;
        }

        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!body.Contains(token, StringComparison.Ordinal))
        {
            return response;
        }

        var redacted = new StringContent(body.Replace(token, SecretValue.Redacted, StringComparison.Ordinal), Encoding.UTF8);
        redacted.Headers.ContentType = content.Headers.ContentType;
        response.Content = redacted;
        content.Dispose();
        return response;
    }
}
