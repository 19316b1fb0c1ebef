using System.Collections.Concurrent;

namespace Connect.Sdk.Stock;

/// <summary>An <see cref="IStockSource"/> held in memory, for tests and samples: set a level, read it back.</summary>
public sealed class InMemoryStockSource : IStockSource
{
    private readonly ConcurrentDictionary<string, StockLevel> _levels = new(StringComparer.Ordinal);

    /// <summary>Sets or replaces the stock of an article.</summary>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <param name="onHand">The quantity on hand.</param>
    /// <param name="reservedByOpenOrders">The quantity reserved by open orders.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryStockSource Set(string articleNumber, decimal onHand, decimal reservedByOpenOrders = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articleNumber);
        _levels[articleNumber] = new StockLevel(articleNumber, onHand, reservedByOpenOrders);
        return this;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<StockLevel> levels = articleNumbers
            .Select(n => _levels.GetValueOrDefault(n))
            .OfType<StockLevel>()
            .ToArray();
        return ValueTask.FromResult(levels);
    }
}
