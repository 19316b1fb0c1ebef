using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Migration;

/// <summary>How one classic label of the export maps to the target connector's foreign-number rules.</summary>
/// <param name="ClassicLabel">The label as the export spells it, e.g. <c>Bestandseinheit</c>.</param>
/// <param name="Rows">How many rows of the export carry it.</param>
/// <param name="Rule">The connector's rule it maps to, or <see langword="null"/> when the connector has none for it.</param>
/// <param name="Description">The mapping in words, e.g. "Bestandseinheit → SKU (variants; stored as SKU)".</param>
public sealed record ClassicLabelMapping(string ClassicLabel, int Rows, ForeignNumberRule? Rule, string Description)
{
    /// <summary>Whether the connector has a rule for the label.</summary>
    public bool IsMapped => Rule is not null;

    /// <inheritdoc />
    public override string ToString() => $"{ClassicLabel} ({Rows} row(s)): {Description}";
}
