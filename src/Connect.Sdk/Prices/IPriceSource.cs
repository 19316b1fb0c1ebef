namespace Connect.Sdk.Prices;

/// <summary>The ERP's prices, supplied by the host.</summary>
public interface IPriceSource
{
    /// <summary>Reads the prices of articles in one price list.</summary>
    /// <param name="priceList">The price list the connection's rules name: <see cref="PriceRules.ListPrice"/> or a price group.</param>
    /// <param name="articleNumbers">The ERP article numbers.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One price per article the list prices; articles without a price in the list are left out.</returns>
    ValueTask<IReadOnlyList<ErpPrice>> GetPricesAsync(string priceList, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken);
}
