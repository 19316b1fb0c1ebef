namespace Connect.Sdk.Stock;

/// <summary>Where each connection's <see cref="StockRules"/> are kept (host SPI). The SDK ships <see cref="InMemoryStockRulesStore"/>.</summary>
public interface IStockRulesStore
{
    /// <summary>Reads a connection's stock rules.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rules; <see cref="StockRules.Default"/> when none were set.</returns>
    ValueTask<StockRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>Replaces a connection's stock rules; the SDK validates them before it calls this.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="rules">The new rules.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the rules are stored.</returns>
    ValueTask SetAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken);
}
