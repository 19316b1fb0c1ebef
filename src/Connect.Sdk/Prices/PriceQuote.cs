namespace Connect.Sdk.Prices;

/// <summary>
/// The price to publish for an article and how the connection's <see cref="PriceRules"/> arrived at it, for the
/// journal; or why no price can be published (<see cref="Refusal"/>).
/// </summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Price">The selling price: in the rules' currency, on their basis, rounded; zero when refused.</param>
/// <param name="CompareAtPrice">The compare-at price, only when it is above <paramref name="Price"/>; otherwise <see langword="null"/>.</param>
/// <param name="Explanation">
/// The calculation in words, e.g. <c>list price 19.99 net + 19 % VAT = 23.79 → rounded 23.99 EUR gross</c>; the
/// refusal's text when refused.
/// </param>
public sealed record PriceQuote(string ArticleNumber, Money Price, Money? CompareAtPrice, string Explanation)
{
    /// <summary>Why no price is published for the article (a price in another currency, a negative amount, a VAT rate out of range), naming the article and the field; <see langword="null"/> when a price is.</summary>
    public string? Refusal { get; init; }

    /// <summary>Whether <see cref="PriceQuote.Price"/> and the compare-at price include VAT: the rules' <see cref="PriceRules.Basis"/>.</summary>
    public PriceBasis Basis { get; init; } = PriceBasis.Gross;

    /// <summary>Whether the ERP's price cannot be published.</summary>
    public bool IsRefused => Refusal is not null;

    /// <summary>A quote that publishes nothing, for the reason given.</summary>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <param name="currency">The rules' currency.</param>
    /// <param name="refusal">Why, naming the article and the field.</param>
    /// <returns>The refused quote.</returns>
    public static PriceQuote Refused(string articleNumber, CurrencyCode currency, string refusal) =>
        new(articleNumber, Money.Zero(currency), null, refusal) { Refusal = refusal };

    /// <inheritdoc />
    public override string ToString() => $"{ArticleNumber}: {Explanation}";
}
