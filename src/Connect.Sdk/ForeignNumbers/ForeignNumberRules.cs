using System.Collections.Frozen;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// The foreign-number table as data: for each connector, which labels identify which articles, or that the
/// connector uses the identity rule. Immutable: <see cref="With(IEnumerable{ForeignNumberRule})"/>,
/// <see cref="WithIdentity"/> and <see cref="Without"/> return a new registry, so a partner extends
/// <see cref="Default"/> for a new marketplace without affecting anyone else.
/// </summary>
/// <example>
/// <code>
/// var zalando = new ConnectorId("zalando");
/// var rules = ForeignNumberRules.Default.With(
///     new ForeignNumberRule(zalando, ForeignNumberTarget.Any, new ForeignNumberLabel("zalandoean"), "Zalando EAN"));
/// </code>
/// </example>
public sealed class ForeignNumberRules
{
    private readonly FrozenDictionary<ConnectorId, ForeignNumberScheme> _schemes;

    private ForeignNumberRules(IEnumerable<ForeignNumberScheme> schemes)
    {
        Schemes = schemes.OrderBy(s => s.Connector.Value, StringComparer.Ordinal).ToArray();
        _schemes = Schemes.ToFrozenDictionary(s => s.Connector);
    }

    /// <summary>A registry without any connector.</summary>
    public static ForeignNumberRules Empty { get; } = new([]);

    /// <summary>
    /// The table of the connectors the SDK ships: Shopify, WooCommerce, Amazon, eBay and Kaufland as in the
    /// ERP's foreign-number help, OTTO (<c>ottosku</c>) and Mirakl (<c>miraklshopsku</c>) as the SDK chose,
    /// and the identity rule for Shopware.
    /// </summary>
    public static ForeignNumberRules Default { get; } = Empty
        .With(
            new ForeignNumberRule(ConnectorId.Shopify, ForeignNumberTarget.Article, ForeignNumberLabel.ShopifyProductId, "Shopify product id"),
            new ForeignNumberRule(ConnectorId.Shopify, ForeignNumberTarget.Variant, ForeignNumberLabel.ShopifyVariantId, "Shopify variant id"),
            new ForeignNumberRule(ConnectorId.WooCommerce, ForeignNumberTarget.Any, ForeignNumberLabel.Sku, "WooCommerce product or variation SKU"),
            new ForeignNumberRule(ConnectorId.Amazon, ForeignNumberTarget.Any, ForeignNumberLabel.SkuFba, "Amazon seller SKU, fulfilled by Amazon"),
            new ForeignNumberRule(ConnectorId.Amazon, ForeignNumberTarget.Any, ForeignNumberLabel.SkuFbm, "Amazon seller SKU, fulfilled by the merchant"),
            new ForeignNumberRule(ConnectorId.Ebay, ForeignNumberTarget.Article, ForeignNumberLabel.EbayListing, "eBay listing (item) id"),
            new ForeignNumberRule(ConnectorId.Ebay, ForeignNumberTarget.Variant, ForeignNumberLabel.Sku, "eBay variation SKU", ForeignNumberLabel.Bestandseinheit),
            new ForeignNumberRule(ConnectorId.Kaufland, ForeignNumberTarget.Any, ForeignNumberLabel.ApiUnitId, "Kaufland unit id"),
            new ForeignNumberRule(ConnectorId.Otto, ForeignNumberTarget.Any, ForeignNumberLabel.OttoSku, "OTTO Market partner SKU"),
            new ForeignNumberRule(ConnectorId.Mirakl, ForeignNumberTarget.Any, ForeignNumberLabel.MiraklShopSku, "Mirakl offer shop SKU"))
        .WithIdentity(ConnectorId.Shopware, "the ERP article number must equal the Shopware product number");

    /// <summary>The connectors' schemes, ordered by connector id.</summary>
    public IReadOnlyList<ForeignNumberScheme> Schemes { get; }

    /// <summary>Finds how a connector identifies articles.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The scheme, or <see langword="null"/> when the registry has no rules for the connector.</returns>
    public ForeignNumberScheme? Find(ConnectorId connector) => _schemes.GetValueOrDefault(connector);

    /// <summary>
    /// Returns a registry with more label rules. Rules of a connector already in the registry are added after
    /// its existing ones.
    /// </summary>
    /// <param name="rules">The rules, e.g. for a partner's new marketplace.</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">
    /// A rule's connector uses the identity rule, or a label (or alternative label) is already used by the same connector.
    /// </exception>
    public ForeignNumberRules With(params IEnumerable<ForeignNumberRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var byConnector = Schemes.ToDictionary(s => s.Connector, s => s.Rules.ToList());
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (_schemes.TryGetValue(rule.Connector, out var existing) && existing.IsIdentity)
            {
                throw new ArgumentException(
                    $"Connector '{rule.Connector}' uses the identity rule and cannot have label '{rule.Label}'; remove it with Without first.",
                    nameof(rules));
            }

            if (!byConnector.TryGetValue(rule.Connector, out var list))
            {
                list = [];
                byConnector.Add(rule.Connector, list);
            }

            // Two rules answering to one label would make the label ambiguous in an order line or a CSV row.
            var clash = rule.AlternativeLabels.Prepend(rule.Label).FirstOrDefault(l => list.Any(r => r.Matches(l)));
            if (clash != default)
            {
                throw new ArgumentException($"Connector '{rule.Connector}' already has a rule for label '{clash}'.", nameof(rules));
            }

            list.Add(rule);
        }

        return new(byConnector.Select(pair => _schemes.TryGetValue(pair.Key, out var scheme) && scheme.IsIdentity
            ? scheme
            : ForeignNumberScheme.Labelled(pair.Key, pair.Value.ToArray())));
    }

    /// <summary>
    /// Returns a registry in which a connector uses the identity rule: the ERP article number is the
    /// marketplace's number, and foreign numbers for it are refused.
    /// </summary>
    /// <param name="connector">The connector.</param>
    /// <param name="description">What users must keep identical, e.g. "the ERP article number must equal the Shopware product number".</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The connector already has rules, or the description is empty.</exception>
    public ForeignNumberRules WithIdentity(ConnectorId connector, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (string.IsNullOrEmpty(connector.Value))
        {
            throw new ArgumentException("The identity rule needs a connector id.", nameof(connector));
        }

        if (_schemes.ContainsKey(connector))
        {
            throw new ArgumentException($"Connector '{connector}' already has foreign-number rules; remove them with Without first.", nameof(connector));
        }

        return new(Schemes.Append(ForeignNumberScheme.Identity(connector, description)));
    }

    /// <summary>Returns a registry without a connector's rules, e.g. to replace them.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    public ForeignNumberRules Without(ConnectorId connector) => new(Schemes.Where(s => s.Connector != connector));
}
