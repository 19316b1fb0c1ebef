using Connect.Sdk.Articles;

namespace Connect.Sdk.Tests.Orders;

/// <summary>An article catalog that fails a lookup when armed.</summary>
internal sealed class FaultyArticleCatalog(IArticleCatalog inner, Faults faults) : IArticleCatalog
{
    public ValueTask<Article?> FindAsync(string articleNumber, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.Catalog);
        return inner.FindAsync(articleNumber, cancellationToken);
    }

    public ValueTask<IReadOnlyList<Article>> GetVariantsAsync(string parentNumber, CancellationToken cancellationToken) =>
        inner.GetVariantsAsync(parentNumber, cancellationToken);

    public IAsyncEnumerable<Article> ListStockSyncedAsync(CancellationToken cancellationToken) => inner.ListStockSyncedAsync(cancellationToken);
}
