using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Mirakl.Http;

/// <summary>
/// The connector's HTTP glue on <c>Connect.Sdk.Http</c>'s connector helpers: each call gets a
/// <see cref="MarketplaceClient"/> for the calling connection, whose <see cref="MarketplaceEndpoint"/> holds the
/// instance's API address, the shop API key (put on each attempt by <see cref="MiraklRequestHandler"/>), a redactor over
/// it, Mirakl's error wording and, when the connection sets a request rate, its rate budget. Retries,
/// <c>Retry-After</c>, pacing, redaction and in-doubt detection are the client's.
/// </summary>
internal sealed class MiraklClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Connect.Sdk.Mirakl";

    /// <summary>The longest Mirakl message quoted in a user's message.</summary>
    internal const int MaxMessageLength = 200;
    private const int MaxExcerptLength = 80;
    private const string Marketplace = "Mirakl";

    /// <summary>The settings of a connection, or an exception that names the setting to fix.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid.</exception>
    public static MiraklSettings SettingsOf(ConnectionContext connection) =>
        MiraklSettings.TryRead(connection, out var settings, out var problem)
            ? settings
            : throw new ConnectionSettingException(problem.Key, problem.Message) { ConnectionId = connection.ConnectionId };

    /// <summary>Mirakl's message from an error body (<c>{"message", "status"}</c>), or the start of a body that has none.</summary>
    /// <param name="body">The body.</param>
    /// <returns>E.g. <c>(Order 1001-A is not in state SHIPPING)</c>.</returns>
    public static string Describe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            if (JsonSerializer.Deserialize(body, MiraklJsonContext.Default.MiraklErrorJson) is { Message: { } message })
            {
                return $"({ErrorText.OneLine(message, MaxMessageLength)})";
            }
        }
        catch (JsonException)
        {
            // Not Mirakl's error shape (a proxy's page): its start below.
        }

        return $"({ErrorText.Excerpt(body, MaxExcerptLength)})";
    }

    /// <summary>The marketplace client for a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels reading the secret.</param>
    /// <returns>The client and the connection's settings.</returns>
    public async ValueTask<(MarketplaceClient Client, MiraklSettings Settings)> ForAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = SettingsOf(connection);
        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(connection, Marketplace, MiraklConnector.InstanceUrlKey, [MiraklConnector.ApiKeyKey], cancellationToken).ConfigureAwait(false);
        return (new MarketplaceClient(httpClientFactory.CreateClient(ClientName), endpoint with
        {
            BaseAddress = settings.ApiAddress,
            DescribeError = Describe,
            // Mirakl enforces no published limit; an operator that throttles gets the connection's own rate.
            RateBudget = settings.RequestsPerSecond is { } rate
                ? new RateBudgetScope(settings.Account, RateLimitModel.TokenBucket(rate, Math.Max(1, (int)Math.Ceiling(rate))))
                : null,
        }), settings);
    }

    /// <summary>Sends a call; the path gets the connection's <c>shop_id</c>.</summary>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The call, its path under <c>/api/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Mirakl's answer, also a 4xx/5xx one, with the client that reads it.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid, the key is not set, Mirakl is unreachable, or a write is in doubt.</exception>
    public async Task<(MarketplaceAnswer Answer, MarketplaceClient Client)> SendAsync(ConnectionContext connection, MarketplaceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var (client, settings) = await ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var answer = await client.SendAsync(call with { Path = settings.WithShop(call.Path) }, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            MiraklLog.Answered(logger, call.Operation, (int)answer.StatusCode, connection.ConnectionId);
        }
        else
        {
            MiraklLog.Refused(logger, call.Operation, (int)answer.StatusCode, Describe(answer.Body), connection.ConnectionId);
        }

        return (answer, client);
    }

    /// <summary>Sends a read and returns its JSON; an answer that is not a success throws (a 401/403 pauses the connection).</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The call.</param>
    /// <param name="type">The answer's type info.</param>
    /// <param name="what">What was asked for, for messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public async Task<T> ReadAsync<T>(ConnectionContext connection, MarketplaceCall call, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        var (answer, client) = await SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? client.Read(answer, type, what) : throw client.Refused(answer, what);
    }
}
