using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Maps between ERP articles and marketplace identifiers on a connection, in both directions, by the rules
/// of the connection's connector: stock and prices go out under an article's foreign number, order lines come
/// in with a foreign number that must lead back to an ERP article.
/// </summary>
/// <remarks>
/// Under the identity rule (Shopware) nothing is stored: an article's foreign number is its own article
/// number with the label <see cref="ForeignNumberLabel.ArticleNumber"/>, and an incoming foreign number of
/// any label is taken as the ERP article number.
/// </remarks>
public sealed class ForeignNumberResolver
{
    private readonly ForeignNumberRules _rules;
    private readonly IForeignNumberStore _store;
    private readonly IArticleCatalog _catalog;

    /// <summary>Creates a resolver.</summary>
    /// <param name="rules">The foreign-number rules, usually <see cref="ForeignNumberRules.Default"/> plus a partner's.</param>
    /// <param name="store">Where foreign numbers are kept.</param>
    /// <param name="catalog">The ERP's articles.</param>
    public ForeignNumberResolver(ForeignNumberRules rules, IForeignNumberStore store, IArticleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        _rules = rules;
        _store = store;
        _catalog = catalog;
    }

    /// <summary>Finds the foreign numbers of an ERP article on a connection (ERP → marketplace).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>
    /// The foreign numbers whose labels fit the article's kind, or "not mapped" with the reason: the article
    /// is unknown, or it has none of the labels it needs.
    /// </returns>
    public async ValueTask<ForeignNumberResolution> FindForeignNumbersAsync(
        ConnectionId connection,
        ConnectorId connector,
        string articleNumber,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articleNumber);
        if (_rules.Find(connector) is not { } scheme)
        {
            return ForeignNumberResolution.NotMapped(articleNumber, NoRules(connection, connector));
        }

        var article = await _catalog.FindAsync(articleNumber, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return ForeignNumberResolution.NotMapped(articleNumber, $"the ERP has no article {articleNumber}");
        }

        if (scheme.IsIdentity)
        {
            return ForeignNumberResolution.Mapped(article.Number, [new ForeignNumber(ForeignNumberLabel.ArticleNumber, article.Number)]);
        }

        var fitting = scheme.RulesFor(article.Kind).ToArray();
        if (fitting.Length == 0)
        {
            return ForeignNumberResolution.NotMapped(article.Number, $"connector '{connector}' has no foreign-number label for {ForeignNumberScheme.DescribeKindPlural(article.Kind)}, so article {article.Number} cannot be mapped on connection {connection}");
        }

        var stored = await _store.FindByArticleAsync(connection, article.Number, cancellationToken).ConfigureAwait(false);
        var found = fitting
            .SelectMany(rule => stored.Where(m => m.ForeignNumber.Label == rule.Label).Select(m => m.ForeignNumber))
            .ToArray();
        return found.Length > 0
            ? ForeignNumberResolution.Mapped(article.Number, found)
            : ForeignNumberResolution.NotMapped(
                article.Number,
                $"article {article.Number} has no {string.Join(" or ", fitting.Select(r => r.Label.Value))} on connection {connection}; import it with the foreign-number CSV");
    }

    /// <summary>Finds the ERP article a marketplace's foreign number stands for (marketplace → ERP), e.g. for an order line.</summary>
    /// <param name="connection">The connection the foreign number came from.</param>
    /// <param name="connector">The connection's connector, whose rules apply.</param>
    /// <param name="foreignNumber">The foreign number; an alternative label (eBay's <c>Bestandseinheit</c>) is accepted.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The article, or "not mapped" with the reason.</returns>
    public async ValueTask<ArticleResolution> FindArticleAsync(
        ConnectionId connection,
        ConnectorId connector,
        ForeignNumber foreignNumber,
        CancellationToken cancellationToken)
    {
        if (_rules.Find(connector) is not { } scheme)
        {
            return ArticleResolution.NotMapped(foreignNumber, NoRules(connection, connector));
        }

        var value = foreignNumber.Value?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return ArticleResolution.NotMapped(foreignNumber, $"the marketplace sent an empty {foreignNumber.Label} on connection {connection}");
        }

        if (scheme.IsIdentity)
        {
            var identical = await _catalog.FindAsync(value, cancellationToken).ConfigureAwait(false);
            return identical is not null
                ? ArticleResolution.Mapped(new ForeignNumber(ForeignNumberLabel.ArticleNumber, value), identical)
                : ArticleResolution.NotMapped(foreignNumber, $"the ERP has no article {value}; on connector '{connector}' {scheme.IdentityDescription}");
        }

        if (scheme.FindRule(foreignNumber.Label) is not { } rule)
        {
            return ArticleResolution.NotMapped(
                foreignNumber,
                $"label '{foreignNumber.Label}' is not used by {connector} (connection {connection}); allowed: {ForeignNumberScheme.DescribeLabels(scheme.Rules)}");
        }

        var canonical = new ForeignNumber(rule.Label, value);
        var mapping = await _store.FindByForeignNumberAsync(connection, canonical, cancellationToken).ConfigureAwait(false);
        if (mapping is null)
        {
            return ArticleResolution.NotMapped(canonical, $"no article has {rule.Label} '{value}' on connection {connection}; import it with the foreign-number CSV");
        }

        // The mapping may outlive the article: the ERP can delete or renumber it after the import.
        var article = await _catalog.FindAsync(mapping.ArticleNumber, cancellationToken).ConfigureAwait(false);
        return article is not null
            ? ArticleResolution.Mapped(canonical, article)
            : ArticleResolution.NotMapped(canonical, $"{rule.Label} '{value}' is mapped to article {mapping.ArticleNumber} on connection {connection}, but the ERP has no such article any more");
    }

    private static string NoRules(ConnectionId connection, ConnectorId connector) =>
        $"connector '{connector}' of connection {connection} has no foreign-number rules; add them to ForeignNumberRules with With or WithIdentity";
}
