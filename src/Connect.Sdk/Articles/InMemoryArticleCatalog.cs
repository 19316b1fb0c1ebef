using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Connect.Sdk.Articles;

/// <summary>An <see cref="IArticleCatalog"/> held in memory, for tests and samples.</summary>
public sealed class InMemoryArticleCatalog : IArticleCatalog
{
    private readonly ConcurrentDictionary<string, Article> _articles = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces articles.</summary>
    /// <param name="articles">The articles.</param>
    /// <returns>This catalog, for chaining.</returns>
    public InMemoryArticleCatalog Add(params IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        foreach (var article in articles)
        {
            _articles[article.Number] = article;
        }

        return this;
    }

    /// <inheritdoc />
    public ValueTask<Article?> FindAsync(string articleNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_articles.GetValueOrDefault(articleNumber));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Article>> GetVariantsAsync(string parentNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Article> variants = _articles.Values
            .Where(a => a.ParentNumber == parentNumber)
            .OrderBy(a => a.Number, StringComparer.Ordinal)
            .ToArray();
        return ValueTask.FromResult(variants);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Article> ListStockSyncedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var article in _articles.Values.Where(a => a.StockSyncEnabled).OrderBy(a => a.Number, StringComparer.Ordinal).ToArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return article;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
