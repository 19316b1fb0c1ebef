namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// One stored foreign number ("Artikel Fremdnummer"): on a connection, an ERP article carries a marketplace
/// identifier with a label. A connection holds at most one value per (article, label), and a (label, value)
/// belongs to at most one article.
/// </summary>
/// <param name="Connection">The connection the foreign number is valid on.</param>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="ForeignNumber">The marketplace's identifier with its canonical label.</param>
public sealed record ForeignNumberMapping(ConnectionId Connection, string ArticleNumber, ForeignNumber ForeignNumber)
{
    /// <inheritdoc />
    public override string ToString() => $"{Connection}: {ArticleNumber} → {ForeignNumber}";
}
