using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Otto.Http;

/// <summary>
/// The connector's HTTP glue on <c>Connect.Sdk.Http</c>'s connector helpers: each call gets a
/// <see cref="MarketplaceClient"/> for the calling connection, whose <see cref="MarketplaceEndpoint"/> holds the API's
/// address, the client id and secret (turned into a bearer token on each attempt by <see cref="OttoAuthenticationHandler"/>),
/// a redactor over the secret, OTTO's error wording and, when the connection sets a rate, a budget for the endpoint
/// called (OTTO limits each endpoint on its own). Retries, <c>Retry-After</c>, pacing, redaction and in-doubt detection
/// are the client's; every failure reaches the features as one <see cref="ConnectSdkException"/>.
/// </summary>
internal sealed class OttoClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Connect.Sdk.Otto";

    /// <summary>The marketplace's name in messages.</summary>
    public const string Marketplace = "OTTO Market";

    /// <summary>Sends a call.</summary>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The call; its operation picks the endpoint's rate budget.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>OTTO's answer, also a 4xx/5xx one, with the client that read it.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid or the secret missing; OTTO could not be reached; a write went out without an answer.</exception>
    public async Task<OttoResponse> SendAsync(ConnectionContext connection, MarketplaceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var client = await ForAsync(connection, call.Operation, cancellationToken).ConfigureAwait(false);
        var answer = await client.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            OttoLog.Answered(logger, call.Operation, (int)answer.StatusCode, connection.ConnectionId);
        }
        else
        {
            OttoLog.Refused(logger, call.Operation, (int)answer.StatusCode, OttoErrors.Describe(answer.Body), connection.ConnectionId);
        }

        return new OttoResponse(answer, client);
    }

    /// <summary>Reads a JSON body; a body that is not the expected JSON fails the call instead of passing for data.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="type">The payload's type info.</param>
    /// <param name="what">What was asked for, for the message.</param>
    /// <returns>The payload.</returns>
    public static T Read<T>(OttoResponse response, JsonTypeInfo<T> type, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Client.Read(response.Answer, type, what);
    }

    /// <summary>The failure for an answer that is not a success; a 401 or 403 in it pauses the connection.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="what">What was asked for.</param>
    /// <returns>The failure, to throw.</returns>
    public static ConnectSdkException Refused(OttoResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Client.Refused(response.Answer, what);
    }

    /// <summary>The settings of a connection, or an exception that names the setting to fix.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The settings.</returns>
    public static OttoSettings SettingsOf(ConnectionContext connection) =>
        OttoSettings.TryRead(connection, out var settings, out var problem)
            ? settings
            : throw new ConnectionSettingException(problem.Key, problem.Message) { ConnectionId = connection.ConnectionId };

    private async ValueTask<MarketplaceClient> ForAsync(ConnectionContext connection, string operation, CancellationToken cancellationToken)
    {
        var settings = SettingsOf(connection);
        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(connection, Marketplace, OttoConnector.ApiUrlKey, [OttoConnector.ClientSecretKey], cancellationToken).ConfigureAwait(false);
        var secret = endpoint.Secrets[OttoConnector.ClientSecretKey];
        var secrets = new Dictionary<string, SecretValue>(endpoint.Secrets, StringComparer.Ordinal)
        {
            [OttoCredentials.ClientIdEntry] = new SecretValue(settings.ClientId),
        };
        return new MarketplaceClient(httpClientFactory.CreateClient(ClientName), endpoint with
        {
            BaseAddress = settings.ApiUrl,
            Secrets = secrets,
            Redactor = new SecretRedactor([secret]),
            DescribeError = OttoErrors.Describe,
            // OTTO limits each endpoint per minute: one budget per endpoint and API client, shared by its connections.
            // Half a minute's requests as the burst keeps clear of a limiter that counts in whole minutes.
            RateBudget = settings.RequestsPerMinute is { } perMinute
                ? new RateBudgetScope(settings.Account(operation), RateLimitModel.TokenBucket(perMinute / 60.0, Math.Max(1, perMinute / 2)))
                : null,
        });
    }
}
