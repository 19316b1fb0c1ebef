using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Http;

namespace Connect.Sdk.Amazon.Http;

/// <summary>
/// What the features share around a call: a read, the failure for an answer that is not a success, and a body that is
/// not the documented JSON failing the call instead of passing for data. A call that could not be completed reaches
/// the features from <see cref="MarketplaceClient"/> already as a <see cref="ConnectSdkException"/>.
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
    public static Task<AmazonResponse> GetAsync(this AmazonApiClient client, AmazonConnectionSettings settings, AmazonOperation operation, string pathAndQuery, CancellationToken cancellationToken) =>
        client.SendAsync(settings, operation, HttpMethod.Get, pathAndQuery, null, cancellationToken);

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
