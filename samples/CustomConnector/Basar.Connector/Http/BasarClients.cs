namespace Basar.Connector.Http;

/// <summary>Gives each connection its <see cref="MarketplaceClient"/>: base URL, token, and the token's rate budget.</summary>
/// <param name="httpClientFactory">The factory holding the connector's client, registered by <c>AddBasar</c>.</param>
internal sealed class BasarClients(IHttpClientFactory httpClientFactory)
{
    /// <summary>The name of the connector's marketplace client.</summary>
    public const string ClientName = "Basar.Connector";

    private static readonly RateLimitModel RateLimit = RateLimitModel.TokenBucket(BasarApi.RateLimitPerSecond, BasarApi.RateLimitBurst);

    /// <summary>The connection's client.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels reading its secret.</param>
    /// <returns>The client.</returns>
    #region snippet: connector-http-client
    public async ValueTask<MarketplaceClient> ForAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(connection, "Basar", BasarConnector.BaseUrlKey, [BasarConnector.ApiTokenKey], cancellationToken).ConfigureAwait(false);
        // Basar counts requests per API token: connections sharing a token share its budget, named without the token.
        var budget = new RateBudgetScope(BudgetAccount.Of("basar", endpoint.Secrets[BasarConnector.ApiTokenKey]), RateLimit);
        var paced = endpoint with { BaseAddress = new Uri(endpoint.BaseAddress, BasarApi.Root), RateBudget = budget };
        return new MarketplaceClient(httpClientFactory.CreateClient(ClientName), paced);
    }
    #endregion
}
