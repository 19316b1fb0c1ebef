using System.Collections.Concurrent;

namespace Connect.Sdk.Stock;

/// <summary>An <see cref="IStockRulesStore"/> held in memory, for tests and samples.</summary>
public sealed class InMemoryStockRulesStore : IStockRulesStore
{
    private readonly ConcurrentDictionary<ConnectionId, StockRules> _rules = new();

    /// <inheritdoc />
    public ValueTask<StockRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_rules.GetValueOrDefault(connection) ?? StockRules.Default);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        cancellationToken.ThrowIfCancellationRequested();
        _rules[connection] = rules;
        return ValueTask.CompletedTask;
    }
}
