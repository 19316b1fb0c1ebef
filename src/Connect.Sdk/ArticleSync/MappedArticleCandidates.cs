using System.Runtime.CompilerServices;
using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.ArticleSync;

/// <summary>
/// Lists the articles a scheduled, event or reconcile run of stock or price sync considers: every article with a foreign
/// number on the connection (streamed from the foreign-number store), with stock sync switched on (prices follow the same
/// switch), that is not a matrix parent (its variants carry stock and prices) and, in the test phase, is in the restricted
/// article mapping.
/// </summary>
/// <remarks>
/// The catalogue has no "list all" call, so the connection's foreign numbers are the list; under the identity
/// rule (Shopware) nothing is stored and nothing is listed. Articles are yielded in chunks so that stock levels or
/// prices and the values last sent are read in bulk.
/// </remarks>
internal sealed class MappedArticleCandidates(IForeignNumberStore foreignNumbers, IArticleCatalog catalog)
{
    public async IAsyncEnumerable<IReadOnlyList<MappedArticle>> ListAsync(
        ConnectionId connection,
        ForeignNumberScheme scheme,
        RestrictedArticleMapping? restricted,
        int chunkSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (scheme.IsIdentity)
        {
            await foreach (var identityChunk in IdentityCandidatesAsync(restricted, chunkSize, cancellationToken).ConfigureAwait(false))
            {
                yield return identityChunk;
            }

            yield break;
        }

        var chunk = new List<MappedArticle>(chunkSize);
        var group = new List<ForeignNumberMapping>();

        // The store lists by article number first, so one article's mappings arrive together.
        await foreach (var mapping in foreignNumbers.ListAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            if (group.Count > 0 && !string.Equals(group[0].ArticleNumber, mapping.ArticleNumber, StringComparison.Ordinal))
            {
                if (await CandidateAsync(scheme, restricted, group, cancellationToken).ConfigureAwait(false) is { } candidate)
                {
                    chunk.Add(candidate);
                }

                group.Clear();
                if (chunk.Count >= chunkSize)
                {
                    yield return chunk;
                    chunk = new List<MappedArticle>(chunkSize);
                }
            }

            group.Add(mapping);
        }

        if (group.Count > 0 && await CandidateAsync(scheme, restricted, group, cancellationToken).ConfigureAwait(false) is { } last)
        {
            chunk.Add(last);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>The foreign number an article's stock or price goes out under: the first, in the rules' order, whose label fits its kind.</summary>
    public static ForeignNumber? Pick(ForeignNumberScheme scheme, Article article, IReadOnlyList<ForeignNumber> foreignNumbers)
    {
        foreach (var rule in scheme.RulesFor(article.Kind))
        {
            foreach (var foreignNumber in foreignNumbers)
            {
                if (foreignNumber.Label == rule.Label)
                {
                    return foreignNumber;
                }
            }
        }

        return null;
    }

    // Under the identity rule no foreign numbers are stored: the ERP article number is the marketplace's number.
    private async IAsyncEnumerable<IReadOnlyList<MappedArticle>> IdentityCandidatesAsync(
        RestrictedArticleMapping? restricted,
        int chunkSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<MappedArticle>(chunkSize);
        await foreach (var article in catalog.ListStockSyncedAsync(cancellationToken).ConfigureAwait(false))
        {
            if (article.Kind == ArticleKind.MatrixParent || (restricted is not null && !restricted.Allows(article)))
            {
                continue;
            }

            chunk.Add(new MappedArticle(article, new ForeignNumber(ForeignNumberLabel.ArticleNumber, article.Number)));
            if (chunk.Count >= chunkSize)
            {
                yield return chunk;
                chunk = new List<MappedArticle>(chunkSize);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async ValueTask<MappedArticle?> CandidateAsync(
        ForeignNumberScheme scheme,
        RestrictedArticleMapping? restricted,
        List<ForeignNumberMapping> mappings,
        CancellationToken cancellationToken)
    {
        // A mapping can outlive its article (deleted or renumbered in the ERP); such mappings are left alone.
        var article = await catalog.FindAsync(mappings[0].ArticleNumber, cancellationToken).ConfigureAwait(false);
        if (article is null || !article.StockSyncEnabled || article.Kind == ArticleKind.MatrixParent
            || (restricted is not null && !restricted.Allows(article)))
        {
            return null;
        }

        return Pick(scheme, article, mappings.ConvertAll(m => m.ForeignNumber)) is { } foreignNumber
            ? new MappedArticle(article, foreignNumber)
            : null;
    }
}
