using System.Collections.Concurrent;

namespace Connect.Sdk.Prices;

/// <summary>An <see cref="IPriceRulesStore"/> held in memory, for tests and samples.</summary>
public sealed class InMemoryPriceRulesStore : IPriceRulesStore
{
    private readonly ConcurrentDictionary<ConnectionId, PriceRules> _rules = new();

    /// <inheritdoc />
    public ValueTask<PriceRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_rules.GetValueOrDefault(connection) ?? PriceRules.Default);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        cancellationToken.ThrowIfCancellationRequested();
        _rules[connection] = rules;
        return ValueTask.CompletedTask;
    }
}
