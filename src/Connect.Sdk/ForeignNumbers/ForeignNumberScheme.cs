using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// How one connector identifies ERP articles: either by labelled foreign numbers (its
/// <see cref="Rules"/>), or by the identity rule, under which the ERP article number <em>is</em> the
/// marketplace's number and no foreign numbers are stored (Shopware). Never both.
/// </summary>
public sealed class ForeignNumberScheme
{
    private ForeignNumberScheme(ConnectorId connector, IReadOnlyList<ForeignNumberRule> rules, string? identityDescription)
    {
        Connector = connector;
        Rules = rules;
        IdentityDescription = identityDescription;
    }

    /// <summary>The connector.</summary>
    public ConnectorId Connector { get; }

    /// <summary>The connector's labels, in table order; empty under the identity rule.</summary>
    public IReadOnlyList<ForeignNumberRule> Rules { get; }

    /// <summary>Whether the connector uses the identity rule instead of labels.</summary>
    public bool IsIdentity => IdentityDescription is not null;

    /// <summary>
    /// Under the identity rule, what users must keep identical, e.g. "the ERP article number must equal the
    /// Shopware product number"; <see langword="null"/> for a label-based connector.
    /// </summary>
    public string? IdentityDescription { get; }

    /// <summary>Finds the rule of a label, accepting alternative labels and any case.</summary>
    /// <param name="label">The label as given.</param>
    /// <returns>The rule, or <see langword="null"/> when the connector does not use the label.</returns>
    public ForeignNumberRule? FindRule(ForeignNumberLabel label) => Rules.FirstOrDefault(r => r.Matches(label));

    /// <summary>The rules whose label articles of a kind may carry, in table order.</summary>
    /// <param name="kind">The kind of the ERP article.</param>
    /// <returns>The rules.</returns>
    public IEnumerable<ForeignNumberRule> RulesFor(ArticleKind kind) => Rules.Where(r => r.AppliesTo(kind));

    /// <inheritdoc />
    public override string ToString() =>
        IsIdentity ? $"{Connector}: identity rule ({IdentityDescription})" : $"{Connector}: {DescribeLabels(Rules)}";

    /// <summary>Names the labels for a message, e.g. "eBayListing, SKU (or Bestandseinheit)".</summary>
    internal static string DescribeLabels(IEnumerable<ForeignNumberRule> rules) =>
        string.Join(", ", rules.Select(r => r.AlternativeLabels.Count == 0 ? r.Label.Value : $"{r.Label} (or {string.Join(", ", r.AlternativeLabels)})"));

    /// <summary>Names the articles of a kind in the plural, e.g. "matrix parents".</summary>
    internal static string DescribeKindPlural(ArticleKind kind) => kind switch
    {
        ArticleKind.Variant => "variants",
        ArticleKind.MatrixParent => "matrix parents",
        _ => "simple articles",
    };

    internal static ForeignNumberScheme Labelled(ConnectorId connector, IReadOnlyList<ForeignNumberRule> rules) => new(connector, rules, null);

    internal static ForeignNumberScheme Identity(ConnectorId connector, string description) => new(connector, [], description);
}
