using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Http;

/// <summary>
/// Sends the connector's calls through its one named marketplace client (retries, <c>Retry-After</c>, pacing, redaction
/// and in-doubt detection come from <c>Connect.Sdk.Http</c>), with the calling connection's store address, credentials,
/// redactor, operation name and, when the connection sets a request rate, its rate budget.
/// </summary>
internal sealed class WooCommerceClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Connect.Sdk.WooCommerce";

    /// <summary>The longest error message of WooCommerce's quoted in a user's message.</summary>
    internal const int MaxMessageLength = 200;
    private const int MaxExcerptLength = 80;

    /// <summary>Sends a call.</summary>
    /// <param name="connection">The calling connection.</param>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The shop's answer, also a 4xx/5xx one.</returns>
    /// <exception cref="ConnectSdkException">The connection's settings are invalid, or a secret is missing.</exception>
    /// <exception cref="WriteInDoubtException">A write went out and no answer came back.</exception>
    /// <exception cref="HttpRequestException">The shop could not be reached.</exception>
    public async Task<WooCommerceResponse> SendAsync(ConnectionContext connection, WooCommerceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = SettingsOf(connection);
        var credentials = await CredentialsOfAsync(connection, cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(call.Method, new Uri(settings.ApiAddress, call.Path));
        if (call.Body is not null)
        {
            request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        }

        var redactor = credentials.Redactor();
        request.Options.Set(MarketplaceRequest.Operation, call.Operation);
        request.Options.Set(MarketplaceRequest.Redactor, redactor);
        request.Options.Set(WooCommerceAuthenticationHandler.Credentials, credentials);
        if (call.Idempotent)
        {
            request.Options.Set(MarketplaceRequest.Idempotent, true);
        }

        if (settings.RequestsPerSecond is { } rate)
        {
            // WooCommerce documents no limit; a store behind a host's limiter (a WAF, managed WordPress) sets its own.
            request.Options.Set(MarketplaceRequest.RateBudget, new RateBudgetScope(settings.Account, RateLimitModel.TokenBucket(rate, Math.Max(1, (int)Math.Ceiling(rate)))));
        }

        var http = httpClientFactory.CreateClient(ClientName);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        // Redacted here, once: every message built from the body (a host's error page may echo the request's
        // Authorization header or query) then reaches logs, exceptions and the journal without the credentials.
        var body = redactor.Redact(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) ?? string.Empty;
        var status = (int)response.StatusCode;
        var id = connection.ConnectionId;
        if (status is >= 200 and < 300 || (call.NotFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound))
        {
            WooCommerceLog.Answered(logger, call.Operation, status, id);
        }
        else
        {
            WooCommerceLog.Refused(logger, call.Operation, status, Describe(body), id);
        }

        int? totalPages = response.Headers.TryGetValues(WooCommerceApi.TotalPagesHeader, out var values)
                          && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages
            : null;
        return new WooCommerceResponse(response.StatusCode, body, totalPages);
    }

    /// <summary>Reads a JSON body; a body that is not the expected JSON fails the call instead of passing for data.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="response">The answer.</param>
    /// <param name="type">The payload's type info from <see cref="WooCommerceJsonContext"/>.</param>
    /// <param name="what">What was asked for, for the message.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ConnectSdkException">The body is not the expected JSON.</exception>
    public static T Read<T>(WooCommerceResponse response, JsonTypeInfo<T> type, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw new ConnectSdkException($"WooCommerce answered {what} with a body that is not the documented JSON ({ErrorText.Excerpt(response.Body, MaxExcerptLength)}): {JsonFieldProblem.Describe(ex)}", ex)
            {
                MarketplaceStatusCode = (int)response.StatusCode,
            };
        }
    }

    /// <summary>
    /// The failure for an answer that is not a success, with WooCommerce's status and error. A 401 or 403 in it is the
    /// connection's (<see cref="CredentialsRefusal"/>): thrown, it pauses the connection instead of failing the record.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="response">WooCommerce's answer.</param>
    /// <param name="what">What was asked for, e.g. <c>the stock batch</c>.</param>
    /// <returns>The failure, to throw.</returns>
    public static ConnectSdkException Refused(ConnectionContext connection, WooCommerceResponse response, string what) =>
        new($"WooCommerce answered {what} with {(int)response.StatusCode} {Describe(response.Body)}.")
        {
            ConnectionId = connection.ConnectionId,
            MarketplaceStatusCode = (int)response.StatusCode,
        };

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

    private static async Task<WooCommerceCredentials> CredentialsOfAsync(ConnectionContext connection, CancellationToken cancellationToken) => new(
        await connection.GetSecretAsync(WooCommerceConnector.ConsumerKeyKey, cancellationToken).ConfigureAwait(false),
        await connection.GetSecretAsync(WooCommerceConnector.ConsumerSecretKey, cancellationToken).ConfigureAwait(false));
}
