using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopify.Http;

/// <summary>
/// What one call needs of its connection: the settings, and the <see cref="MarketplaceEndpoint"/> its requests go
/// through — the API version's address, the token for the access-token header, the redactor and the shop's rate budget.
/// </summary>
internal sealed class ShopifySession
{
    /// <summary>The GraphQL endpoint under the API version's address.</summary>
    public const string GraphQLPath = "graphql.json";

    private ShopifySession(ConnectionContext connection, ShopifySettings settings, SecretValue token)
    {
        Connection = connection;
        Settings = settings;
        Redactor = new SecretRedactor([token]);
        Budget = new RateBudgetScope(settings.AccountKey, ShopifyConnector.RateLimit);
        Endpoint = new MarketplaceEndpoint("Shopify", new Uri(settings.GraphQLEndpoint, "./"), Redactor)
        {
            ConnectionId = connection.ConnectionId,
            Secrets = new Dictionary<string, SecretValue>(StringComparer.Ordinal) { [ShopifyConnector.AccessTokenKey] = token },
            RateBudget = Budget,
        };
    }

    /// <summary>The connection.</summary>
    public ConnectionContext Connection { get; }

    /// <summary>Its settings.</summary>
    public ShopifySettings Settings { get; }

    /// <summary>Removes the token from any text that goes to a log, a journal or an exception.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The shop's cost bucket: every connection of one shop shares it.</summary>
    public RateBudgetScope Budget { get; }

    /// <summary>Where the connection's requests go, with its token, redactor and budget.</summary>
    public MarketplaceEndpoint Endpoint { get; }

    /// <summary>The connection's id, for messages and logs.</summary>
    public string ConnectionId => Connection.ConnectionId.ToString();

    /// <summary>Reads the connection's settings and token.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ConnectSdkException">A setting is missing or wrong (the message names it), or the token is not stored.</exception>
    public static async ValueTask<ShopifySession> OpenAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (settings, problem) = ShopifySettings.Read(connection.Settings);
        if (settings is null)
        {
            throw new ConnectionSettingException(problem!.Key, $"Setting '{problem.Key}' of connection {connection.ConnectionId}: {problem.Message}") { ConnectionId = connection.ConnectionId };
        }

        var token = await connection.GetSecretAsync(ShopifyConnector.AccessTokenKey, cancellationToken).ConfigureAwait(false);
        return new ShopifySession(connection, settings, token);
    }
}
