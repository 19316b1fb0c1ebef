namespace Connect.Sdk.Prices;

/// <summary>Where each connection's <see cref="PriceRules"/> are kept (host SPI). The SDK ships <see cref="InMemoryPriceRulesStore"/>.</summary>
public interface IPriceRulesStore
{
    /// <summary>Reads a connection's price rules.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rules; <see cref="PriceRules.Default"/> when none were set.</returns>
    ValueTask<PriceRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>Replaces a connection's price rules; the SDK validates them before it calls this.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="rules">The new rules.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the rules are stored.</returns>
    ValueTask SetAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken);
}
