using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopware.Http;

/// <summary>
/// The connector's HTTP glue on <c>Connect.Sdk.Http</c>'s connector helpers: a <see cref="MarketplaceClient"/> per call for
/// the calling connection, whose <see cref="MarketplaceEndpoint"/> holds the Admin API's address, the access key (turned
/// into bearer tokens by <see cref="ShopwareTokenHandler"/>), Shopware's error wording and the optional rate budget.
/// </summary>
internal sealed class ShopwareClient(IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Connect.Sdk.Shopware";

    private const string Marketplace = "Shopware";

    /// <summary>The marketplace client for a connection.</summary>
    /// <exception cref="ConnectSdkException">A setting is invalid (naming it), or a secret is not set.</exception>
    public async ValueTask<MarketplaceClient> ForAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = SettingsOf(connection);
        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(connection, Marketplace, ShopwareConnector.ShopUrlKey, ShopwareCredentials.SecretKeys, cancellationToken).ConfigureAwait(false);
        return new MarketplaceClient(httpClientFactory.CreateClient(ClientName), endpoint with
        {
            BaseAddress = settings.ApiAddress,
            DescribeError = ShopwareErrors.Describe,

            // The Admin API documents no limit; a shop behind a host's limiter sets its own rate.
            RateBudget = settings.RequestsPerSecond is { } rate
                ? new RateBudgetScope(settings.Account, RateLimitModel.TokenBucket(rate, Math.Max(1, (int)Math.Ceiling(rate))))
                : null,
        });
    }

    /// <summary>Sends a call and logs its outcome.</summary>
    public async Task<(MarketplaceAnswer Answer, MarketplaceClient Client)> SendAsync(ConnectionContext connection, MarketplaceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var client = await ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var answer = await client.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            ShopwareLog.Answered(logger, call.Operation, (int)answer.StatusCode, connection.ConnectionId);
        }
        else
        {
            ShopwareLog.Refused(logger, call.Operation, (int)answer.StatusCode, ShopwareErrors.Describe(answer.Body), connection.ConnectionId);
        }

        return (answer, client);
    }

    /// <summary>Searches an entity with a Criteria body and reads the plain JSON answer; a refusal throws.</summary>
    public async Task<T> SearchAsync<T>(ConnectionContext connection, string entity, JsonObject criteria, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        var (answer, client) = await SendAsync(connection, Search(entity, criteria), cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? client.Read(answer, type, what) : throw client.Refused(answer, what);
    }

    /// <summary>A search call: <c>POST /api/search/{entity}</c> asking for the plain JSON shape.</summary>
    public static MarketplaceCall Search(string entity, JsonObject criteria) =>
        new(HttpMethod.Post, "search/" + entity, entity + ".search") { Body = criteria.ToJsonString() };

    /// <summary>The settings of a connection, or an exception that names the setting to fix.</summary>
    public static ShopwareSettings SettingsOf(ConnectionContext connection) =>
        ShopwareSettings.TryRead(connection, out var settings, out var problem)
            ? settings
            : throw new ConnectionSettingException(problem.Key, problem.Message) { ConnectionId = connection.ConnectionId };
}
