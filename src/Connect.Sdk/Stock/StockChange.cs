namespace Connect.Sdk.Stock;

/// <summary>An article whose quantity to publish differs from the one last sent, as found by <see cref="StockDelta"/>.</summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Quantity">The quantity to publish now.</param>
/// <param name="LastSent">The quantity last sent successfully; <see langword="null"/> when none was.</param>
public readonly record struct StockChange(string ArticleNumber, int Quantity, int? LastSent)
{
    /// <inheritdoc />
    public override string ToString() => $"{ArticleNumber}: {(LastSent is { } last ? last.ToString(System.Globalization.CultureInfo.InvariantCulture) : "never sent")} → {Quantity}";
}
