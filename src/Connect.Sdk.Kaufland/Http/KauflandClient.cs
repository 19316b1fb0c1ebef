using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Wire;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Kaufland.Http;

/// <summary>
/// The connector's HTTP glue on <c>Connect.Sdk.Http</c>'s connector helpers: each call gets a
/// <see cref="MarketplaceClient"/> for the calling connection, whose <see cref="MarketplaceEndpoint"/> holds the API
/// address, the keys (signed onto each attempt by <see cref="KauflandRequestSigner"/>), a redactor over them, Kaufland's
/// error wording and the seller's rate budget (111 requests per second, shared by every connection with the client key).
/// Retries, <c>Retry-After</c>, pacing, redaction and in-doubt detection are the client's; every failure reaches the
/// features as one <see cref="ConnectSdkException"/>.
/// </summary>
internal sealed class KauflandClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Connect.Sdk.Kaufland";

    /// <summary>The longest message of Kaufland's quoted in a user's message.</summary>
    internal const int MaxMessageLength = 200;
    private const int MaxExcerptLength = 80;
    private const string Marketplace = "Kaufland";

    /// <summary>Sends a call for a connection.</summary>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The call; its path is relative to <c>/v2/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Kaufland's answer, also a 4xx/5xx one, and the client that can read it.</returns>
    /// <exception cref="ConnectSdkException">
    /// A setting is invalid or a key missing; Kaufland could not be reached (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>);
    /// or a write went out without an answer (the same code, not transient, wrapping a <see cref="WriteInDoubtException"/>).
    /// </exception>
    public async Task<(MarketplaceAnswer Answer, MarketplaceClient Client)> SendAsync(ConnectionContext connection, MarketplaceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var client = await ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var answer = await client.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            KauflandLog.Answered(logger, call.Operation, (int)answer.StatusCode, connection.ConnectionId);
        }
        else
        {
            KauflandLog.Refused(logger, call.Operation, (int)answer.StatusCode, Describe(answer.Body), connection.ConnectionId);
        }

        return (answer, client);
    }

    /// <summary>
    /// Sends a write; a write that went out without an answer (<see cref="WriteInDoubtException"/>) is logged and
    /// returns <see langword="null"/>, for the caller to read back what Kaufland holds before anything is sent again.
    /// </summary>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The write.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Kaufland's answer and the client that can read it, or <see langword="null"/> when the write is in doubt.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid, a key missing, or Kaufland could not be reached at all.</exception>
    public async Task<(MarketplaceAnswer Answer, MarketplaceClient Client)?> SendWriteAsync(ConnectionContext connection, MarketplaceCall call, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))
        {
            KauflandLog.InDoubt(logger, call.Operation, connection.ConnectionId);
            return null;
        }
    }

    /// <summary>Sends a read and returns its JSON; any answer but a 2xx with the documented JSON throws.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The read.</param>
    /// <param name="type">The payload's type info from <see cref="KauflandJsonContext"/>.</param>
    /// <param name="what">What is read, for messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">Refused (401 pauses the connection), unreachable or unreadable.</exception>
    public async Task<T> ReadAsync<T>(ConnectionContext connection, MarketplaceCall call, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        var (answer, client) = await SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? client.Read(answer, type, what) : throw client.Refused(answer, what);
    }

    /// <summary>Kaufland's problem type and message from an error body, with the fields at fault, or the start of a body that has none.</summary>
    /// <param name="body">The body.</param>
    /// <returns>E.g. <c>(/problems/validation-error: Validation error. listing_price: This value should be of type integer.)</c>.</returns>
    public static string Describe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            if (JsonSerializer.Deserialize(body, KauflandJsonContext.Default.KauflandErrorJson) is { } error && (error.Type ?? error.Message) is not null)
            {
                var fields = string.Join("; ", (error.Errors ?? []).OfType<KauflandErrorDetailJson>().Select(e => $"{e.Field}: {e.Message}"));
                return $"({ErrorText.OneLine($"{error.Type}: {error.Message}{(fields.Length > 0 ? " " + fields : string.Empty)}", MaxMessageLength)})";
            }
        }
        catch (JsonException)
        {
            // Not Kaufland's error shape (a gateway's page): its start below.
        }

        return $"({ErrorText.Excerpt(body, MaxExcerptLength)})";
    }

    /// <summary>The settings of a connection, or an exception that names the setting to fix.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid.</exception>
    public static KauflandSettings SettingsOf(ConnectionContext connection) =>
        KauflandSettings.TryRead(connection, out var settings, out var problem)
            ? settings
            : throw new ConnectionSettingException(problem.Key, problem.Message) { ConnectionId = connection.ConnectionId };

    private async ValueTask<MarketplaceClient> ForAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        var settings = SettingsOf(connection);
        var clientKey = await connection.GetSecretAsync(KauflandConnector.ClientKeyKey, cancellationToken).ConfigureAwait(false);
        var secretKey = await connection.GetSecretAsync(KauflandConnector.SecretKeyKey, cancellationToken).ConfigureAwait(false);
        var credentials = new KauflandCredentials(clientKey, secretKey, settings.UserAgent);
        return new MarketplaceClient(httpClientFactory.CreateClient(ClientName), new MarketplaceEndpoint(Marketplace, settings.ApiAddress, credentials.Redactor())
        {
            ConnectionId = connection.ConnectionId,
            Secrets = credentials.ToRequestValues(),
            DescribeError = Describe,

            // The limit is the seller's, across all endpoints: every connection with the client key shares one budget.
            RateBudget = new RateBudgetScope(BudgetAccount.Of("kaufland", clientKey), KauflandApi.RateLimit),
        });
    }
}
