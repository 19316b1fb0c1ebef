using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// One row of the foreign-number table: on a connector, articles of a kind are identified by foreign numbers
/// with this label, e.g. "on Shopify, variants carry a <c>shopifyvariantid</c>".
/// </summary>
public sealed class ForeignNumberRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="connector">The connector the label belongs to.</param>
    /// <param name="target">Which articles carry the label.</param>
    /// <param name="label">The canonical label; foreign numbers are stored with this spelling.</param>
    /// <param name="description">A short description users see next to the label, e.g. "Shopify variant id".</param>
    /// <param name="alternativeLabels">
    /// Other spellings users and marketplaces use for the same label (eBay's <c>Bestandseinheit</c> for <c>SKU</c>);
    /// they are accepted on import and in orders and normalised to <paramref name="label"/>.
    /// </param>
    /// <exception cref="ArgumentException">
    /// A label is empty or is <see cref="ForeignNumberLabel.ArticleNumber"/>, an alternative repeats the label,
    /// or the description is empty.
    /// </exception>
    public ForeignNumberRule(
        ConnectorId connector,
        ForeignNumberTarget target,
        ForeignNumberLabel label,
        string description,
        params IEnumerable<ForeignNumberLabel> alternativeLabels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(alternativeLabels);
        if (string.IsNullOrEmpty(connector.Value))
        {
            throw new ArgumentException("A foreign-number rule needs a connector id.", nameof(connector));
        }

        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown foreign-number target.");
        }

        var alternatives = alternativeLabels.Distinct().ToArray();
        foreach (var candidate in alternatives.Prepend(label))
        {
            // A default label has no value, and the article-number label is reserved for identity-rule connectors.
            if (candidate.Value.Length == 0 || candidate == ForeignNumberLabel.ArticleNumber)
            {
                throw new ArgumentException(
                    $"'{candidate}' cannot be a foreign-number label: labels must be non-empty and '{ForeignNumberLabel.ArticleNumber}' is reserved for the identity rule.",
                    candidate == label ? nameof(label) : nameof(alternativeLabels));
            }
        }

        if (alternatives.Contains(label))
        {
            throw new ArgumentException($"The alternative labels of '{label}' repeat the label itself.", nameof(alternativeLabels));
        }

        Connector = connector;
        Target = target;
        Label = label;
        Description = description;
        AlternativeLabels = alternatives;
    }

    /// <summary>The connector the label belongs to.</summary>
    public ConnectorId Connector { get; }

    /// <summary>Which articles carry the label.</summary>
    public ForeignNumberTarget Target { get; }

    /// <summary>The canonical label.</summary>
    public ForeignNumberLabel Label { get; }

    /// <summary>Other spellings accepted for the label and normalised to <see cref="Label"/>.</summary>
    public IReadOnlyList<ForeignNumberLabel> AlternativeLabels { get; }

    /// <summary>A short description users see next to the label.</summary>
    public string Description { get; }

    /// <summary>Whether a label is this rule's label or one of its alternatives (ignoring case).</summary>
    /// <param name="label">The label as given in a CSV row or an order line.</param>
    /// <returns><see langword="true"/> when it names this rule's label.</returns>
    public bool Matches(ForeignNumberLabel label) => label == Label || AlternativeLabels.Contains(label);

    /// <summary>Whether articles of a kind may carry this label.</summary>
    /// <param name="kind">The kind of the ERP article.</param>
    /// <returns><see langword="true"/> when the label fits the article kind.</returns>
    public bool AppliesTo(ArticleKind kind) => Target switch
    {
        ForeignNumberTarget.Any => true,
        ForeignNumberTarget.Variant => kind == ArticleKind.Variant,
        _ => kind != ArticleKind.Variant,
    };

    /// <inheritdoc />
    public override string ToString() =>
        AlternativeLabels.Count == 0
            ? $"{Connector}: {Label} ({Target})"
            : $"{Connector}: {Label} ({Target}; also {string.Join(", ", AlternativeLabels)})";
}
