namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// A marketplace's identifier for an article ("Fremdnummer") together with its label, e.g.
/// <c>shopifyvariantid 40123456789012345</c>. Values are strings even where the marketplace sends numbers.
/// </summary>
/// <param name="Label">What kind of identifier it is.</param>
/// <param name="Value">The identifier as the marketplace knows it.</param>
public readonly record struct ForeignNumber(ForeignNumberLabel Label, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Label} {Value}";
}
