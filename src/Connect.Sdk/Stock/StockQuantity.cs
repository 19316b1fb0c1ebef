namespace Connect.Sdk.Stock;

/// <summary>The quantity to publish for an article, and how the stock rules arrived at it, for the journal.</summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Quantity">The quantity to publish: whole units, never negative.</param>
/// <param name="Explanation">The calculation in words, e.g. <c>on hand 12 − reserved 3 − buffer 2 = 7</c>.</param>
public sealed record StockQuantity(string ArticleNumber, int Quantity, string Explanation)
{
    /// <inheritdoc />
    public override string ToString() => $"{ArticleNumber}: {Explanation}";
}
