namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// The foreign numbers of an ERP article on a connection (ERP → marketplace), or why it has none in words the
/// user can act on ("article 4711 has no shopifyvariantid on connection shopify-de").
/// </summary>
public sealed class ForeignNumberResolution
{
    private ForeignNumberResolution(string articleNumber, IReadOnlyList<ForeignNumber> foreignNumbers, string? message)
    {
        ArticleNumber = articleNumber;
        ForeignNumbers = foreignNumbers;
        Message = message;
    }

    /// <summary>The ERP article number asked for.</summary>
    public string ArticleNumber { get; }

    /// <summary>
    /// The article's foreign numbers whose labels fit its kind on the connection's connector, in the rules'
    /// order (Amazon: <c>SKU_FBA</c> before <c>SKU_FBM</c>); empty when not mapped.
    /// </summary>
    public IReadOnlyList<ForeignNumber> ForeignNumbers { get; }

    /// <summary>Whether the article has at least one foreign number on the connection.</summary>
    public bool IsMapped => ForeignNumbers.Count > 0;

    /// <summary>Why the article is not mapped; <see langword="null"/> when it is.</summary>
    public string? Message { get; }

    /// <summary>Finds the foreign number with a label, e.g. the <c>shopifyvariantid</c> a stock update needs.</summary>
    /// <param name="label">The canonical label.</param>
    /// <returns>The foreign number, or <see langword="null"/> when the article has none with that label.</returns>
    public ForeignNumber? Find(ForeignNumberLabel label)
    {
        foreach (var foreignNumber in ForeignNumbers)
        {
            if (foreignNumber.Label == label)
            {
                return foreignNumber;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => IsMapped ? $"{ArticleNumber} → {string.Join(", ", ForeignNumbers)}" : Message ?? string.Empty;

    internal static ForeignNumberResolution Mapped(string articleNumber, IReadOnlyList<ForeignNumber> foreignNumbers) => new(articleNumber, foreignNumbers, null);

    internal static ForeignNumberResolution NotMapped(string articleNumber, string message) => new(articleNumber, [], message);
}
