namespace Connect.Sdk.Stock;

/// <summary>The ERP's stock levels, supplied by the host.</summary>
public interface IStockSource
{
    /// <summary>Reads the stock of articles.</summary>
    /// <param name="articleNumbers">The ERP article numbers.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One level per article the ERP knows; unknown articles are left out.</returns>
    ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken);
}
