namespace Connect.Sdk.Articles;

/// <summary>
/// The ERP's articles, supplied by the host. The SDK reads it to validate foreign numbers and to expand
/// a matrix parent into its variants.
/// </summary>
public interface IArticleCatalog
{
    /// <summary>Finds an article by its ERP number.</summary>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The article, or <see langword="null"/> when the ERP has none with that number.</returns>
    ValueTask<Article?> FindAsync(string articleNumber, CancellationToken cancellationToken);

    /// <summary>Lists the variants of a matrix parent.</summary>
    /// <param name="parentNumber">The matrix parent's article number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The variants; empty when there are none.</returns>
    ValueTask<IReadOnlyList<Article>> GetVariantsAsync(string parentNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every article whose stock sync is switched on, in article-number order. Stock runs of
    /// connectors that use the ERP article number itself (the identity rule, e.g. Shopware) start from it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The articles.</returns>
    IAsyncEnumerable<Article> ListStockSyncedAsync(CancellationToken cancellationToken);
}
