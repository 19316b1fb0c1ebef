using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>
/// The connector's HTTP glue on <c>Connect.Sdk.Http</c>'s connector helpers, as a partner's connector has it: each call
/// gets a <see cref="MarketplaceClient"/> for the calling connection, whose <see cref="MarketplaceEndpoint"/> holds the
/// store's REST address, the key and secret (signed onto each attempt by <see cref="WooCommerceAuthenticationHandler"/>),
/// a redactor over them, WooCommerce's error wording and, when the connection sets a request rate, its rate budget.
/// Retries, <c>Retry-After</c>, pacing, redaction and in-doubt detection are the client's; every failure reaches the
/// features as one <see cref="ConnectSdkException"/>.
/// </summary>
internal sealed class WooCommerceClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Connect.Sdk.WooCommerce";

    /// <summary>The longest error message of WooCommerce's quoted in a user's message.</summary>
    internal const int MaxMessageLength = 200;
    private const int MaxExcerptLength = 80;
    private const string Marketplace = "WooCommerce";

    /// <summary>The marketplace client for a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels reading the secrets.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid (naming it), or a secret is not set.</exception>
    public async ValueTask<MarketplaceClient> ForAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // WooCommerce's own rules (https off loopback, no user info) and wording first; the endpoint then reads the secrets.
        var settings = SettingsOf(connection);
        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(connection, Marketplace, WooCommerceConnector.StoreUrlKey, WooCommerceCredentials.SecretKeys, cancellationToken).ConfigureAwait(false);
        var credentials = WooCommerceCredentials.From(endpoint.Secrets)!;
        return new MarketplaceClient(httpClientFactory.CreateClient(ClientName), endpoint with
        {
            BaseAddress = settings.ApiAddress,
            // Also the Basic parameter: a host's error page may echo the Authorization header.
            Redactor = credentials.Redactor(),
            DescribeError = Describe,
            // WooCommerce documents no limit; a store behind a host's limiter (a WAF, managed WordPress) sets its own.
            // The host counts by store, not by key, so the budget is the store's (an address, no secret to hide).
            RateBudget = settings.RequestsPerSecond is { } rate
                ? new RateBudgetScope(settings.Account, RateLimitModel.TokenBucket(rate, Math.Max(1, (int)Math.Ceiling(rate))))
                : null,
        });
    }

    /// <summary>Sends a call.</summary>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The shop's answer, also a 4xx/5xx one.</returns>
    /// <exception cref="ConnectSdkException">
    /// The connection's settings are invalid or a secret is missing; the shop could not be reached
    /// (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>); or a write went out without an answer (the same code,
    /// not transient, wrapping a <see cref="WriteInDoubtException"/>).
    /// </exception>
    public async Task<WooCommerceResponse> SendAsync(ConnectionContext connection, WooCommerceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var client = await ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var answer = await client.SendAsync(call.ToMarketplaceCall(), cancellationToken).ConfigureAwait(false);
        var status = (int)answer.StatusCode;
        if (answer.IsSuccess || (call.NotFoundIsAnswer && answer.StatusCode == HttpStatusCode.NotFound))
        {
            WooCommerceLog.Answered(logger, call.Operation, status, connection.ConnectionId);
        }
        else
        {
            WooCommerceLog.Refused(logger, call.Operation, status, Describe(answer.Body), connection.ConnectionId);
        }

        return new WooCommerceResponse(answer, client);
    }

    /// <summary>Reads a JSON body; a body that is not the expected JSON fails the call instead of passing for data.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="type">The payload's type info from <see cref="WooCommerceJsonContext"/>.</param>
    /// <param name="what">What was asked for, for the message.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">The body is not the expected JSON (<see cref="ConnectSdkErrorCode.AnswerUnreadable"/>).</exception>
    public static T Read<T>(WooCommerceResponse response, JsonTypeInfo<T> type, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Client.Read(response.Answer, type, what);
    }

    /// <summary>
    /// The failure for an answer that is not a success, with WooCommerce's status and error. A 401 or 403 in it is the
    /// connection's (<see cref="CredentialsRefusal"/>): thrown, it pauses the connection instead of failing the record.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="response">WooCommerce's answer.</param>
    /// <param name="what">What was asked for, e.g. <c>the stock batch</c>.</param>
    /// <returns>The failure, to throw.</returns>
    public static ConnectSdkException Refused(ConnectionContext connection, WooCommerceResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(response);
        return response.Client.Refused(response.Answer, what);
    }

    /// <summary>WooCommerce's error code and message from an error body, or the start of a body that has none.</summary>
    /// <param name="body">The body.</param>
    /// <returns>E.g. <c>(woocommerce_rest_shop_order_invalid_id: Invalid ID.)</c>; HTML in the message or body as one line of its text.</returns>
    public static string Describe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            if (JsonSerializer.Deserialize(body, WooCommerceJsonContext.Default.WooErrorJson) is { } error)
            {
                return $"({error.Code}: {ErrorText.OneLine(error.Message ?? string.Empty, MaxMessageLength)})";
            }
        }
        catch (JsonException)
        {
            // Not WooCommerce's error shape (a host's HTML page): show its start below.
        }

        return $"({ErrorText.Excerpt(body, MaxExcerptLength)})";
    }

    /// <summary>The settings of a connection, or an exception that names the setting to fix.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConnectSdkException">A setting is invalid.</exception>
    public static WooCommerceSettings SettingsOf(ConnectionContext connection) =>
        WooCommerceSettings.TryRead(connection, out var settings, out var problem)
            ? settings
            : throw new ConnectionSettingException(problem.Key, problem.Message) { ConnectionId = connection.ConnectionId };
}
