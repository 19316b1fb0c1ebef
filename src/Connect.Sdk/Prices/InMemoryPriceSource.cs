using System.Collections.Concurrent;

namespace Connect.Sdk.Prices;

/// <summary>An <see cref="IPriceSource"/> held in memory, for tests and samples: set a price, read it back.</summary>
public sealed class InMemoryPriceSource : IPriceSource
{
    private readonly ConcurrentDictionary<(string PriceList, string ArticleNumber), ErpPrice> _prices = new();

    /// <summary>Sets or replaces an article's price in the list price (<see cref="PriceRules.ListPrice"/>).</summary>
    /// <param name="price">The price.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryPriceSource Set(ErpPrice price) => Set(PriceRules.ListPrice, price);

    /// <summary>Sets or replaces an article's price in a price list.</summary>
    /// <param name="priceList">The price list.</param>
    /// <param name="price">The price.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryPriceSource Set(string priceList, ErpPrice price)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(priceList);
        ArgumentNullException.ThrowIfNull(price);
        ArgumentException.ThrowIfNullOrWhiteSpace(price.ArticleNumber, nameof(price));
        _prices[(priceList, price.ArticleNumber)] = price;
        return this;
    }

    /// <summary>Removes an article's price from a price list.</summary>
    /// <param name="priceList">The price list.</param>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryPriceSource Remove(string priceList, string articleNumber)
    {
        _prices.TryRemove((priceList, articleNumber), out _);
        return this;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ErpPrice>> GetPricesAsync(string priceList, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(priceList);
        ArgumentNullException.ThrowIfNull(articleNumbers);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ErpPrice> prices = articleNumbers
            .Select(n => _prices.GetValueOrDefault((priceList, n)))
            .OfType<ErpPrice>()
            .ToArray();
        return ValueTask.FromResult(prices);
    }
}
