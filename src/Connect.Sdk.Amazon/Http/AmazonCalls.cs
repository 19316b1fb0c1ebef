using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// What the features share around a call: a call that could not be completed (Amazon unreachable after the retries,
/// out of time) becomes a <see cref="ConnectSdkException"/> with a message a user can act on, and a body that is not
/// the documented JSON fails the call instead of passing for data. Messages come from the HTTP foundation already
/// redacted.
/// </summary>
internal static class AmazonCalls
{
    /// <summary>Sends a read.</summary>
    /// <param name="client">The API client.</param>
    /// <param name="settings">The connection.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="pathAndQuery">The path and query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ConnectSdkException">The call could not be completed.</exception>
    public static async Task<AmazonResponse> GetAsync(this AmazonApiClient client, AmazonConnectionSettings settings, AmazonOperation operation, string pathAndQuery, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(settings, operation, HttpMethod.Get, pathAndQuery, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw Unreachable(settings, operation, ex);
        }
    }

    /// <summary>The exception for a call that could not be completed.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="failure">What the HTTP foundation raised (redacted).</param>
    /// <returns>The exception to throw.</returns>
    public static ConnectSdkException Unreachable(AmazonConnectionSettings settings, AmazonOperation operation, Exception failure) =>
        new(ConnectSdkErrorCode.MarketplaceUnavailable, $"Amazon {operation.Name} could not be completed for connection {settings.ConnectionId}: {settings.Redactor.Redact(failure.Message)}", failure is WriteInDoubtException ? null : failure)
        {
            ConnectionId = settings.ConnectionId,
        };

    /// <summary>The exception for an answer that is not a success.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="response">The answer.</param>
    /// <param name="what">What was asked for.</param>
    /// <returns>The exception to throw.</returns>
    public static ConnectSdkException Refused(AmazonConnectionSettings settings, AmazonOperation operation, AmazonResponse response, string what) =>
        new($"Amazon answered {operation.Name} for {what} with {settings.Redactor.Redact(response.Describe())}.")
        {
            ConnectionId = settings.ConnectionId,
            MarketplaceStatusCode = (int)response.StatusCode,
        };

    /// <summary>Reads a JSON body; a body that is not the expected JSON fails the call.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="type">The payload's type info.</param>
    /// <param name="settings">The connection.</param>
    /// <param name="what">What was asked for, for the message.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">The body is not the expected JSON.</exception>
    public static T Read<T>(AmazonResponse response, JsonTypeInfo<T> type, AmazonConnectionSettings settings, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw new ConnectSdkException($"Amazon answered {what} with a body that is not the documented JSON ({AmazonResponse.Excerpt(settings.Redactor.Redact(response.Body) ?? string.Empty)}): {JsonFieldProblem.Describe(ex, JsonFieldProblem.PascalCase)}", ex)
            {
                ConnectionId = settings.ConnectionId,
                MarketplaceStatusCode = (int)response.StatusCode,
            };
        }
    }
}
