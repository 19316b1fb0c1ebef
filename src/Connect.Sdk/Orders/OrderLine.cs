using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Orders;

/// <summary>One line of a marketplace order.</summary>
public sealed record OrderLine
{
    /// <summary>The marketplace's id of the line (needed to ship it).</summary>
    public required string LineId { get; init; }

    /// <summary>
    /// The marketplace's identifier of the article, with its label; <see langword="null"/> when the
    /// marketplace sent none (a custom line). The SDK maps it back to an ERP article.
    /// </summary>
    public ForeignNumber? ForeignNumber { get; init; }

    /// <summary>The seller SKU the marketplace shows on the line, if any.</summary>
    public string? Sku { get; init; }

    /// <summary>The article title as ordered.</summary>
    public required string Title { get; init; }

    /// <summary>The quantity ordered; at least one.</summary>
    public required int Quantity { get; init; }

    /// <summary>
    /// The price of one unit as the buyer paid it: after every discount the marketplace allocates to the line
    /// (promotions, coupons, order discounts spread over the lines); gross or net as the order's
    /// <see cref="MarketplaceOrder.PricesIncludeTax"/> says. Derived from a line total it may carry more decimals than
    /// the currency (see <see cref="UnitPriceOf"/>); <see cref="Total"/> rounds it back.
    /// </summary>
    public required Money UnitPrice { get; init; }

    /// <summary>The tax rate of the line as a fraction (0.19 for 19 %), when the marketplace sends it.</summary>
    public decimal? TaxRate { get; init; }

    /// <summary>
    /// The tax of the whole line after its discounts (less the tax of a promotion), when the marketplace sends it.
    /// Included in <see cref="Total"/> when prices include tax; added to it when they do not.
    /// </summary>
    public Money? TaxAmount { get; init; }

    /// <summary>
    /// What the line's discounts took off the whole line, gross or net as the unit price; for the ERP's discount
    /// column only. It is already deducted from <see cref="UnitPrice"/>: the list price of a unit is
    /// <c>UnitPrice + Discount / Quantity</c>, and booking the discount again would deduct it twice.
    /// </summary>
    public Money? Discount { get; init; }

    /// <summary>
    /// What the buyer pays for the line: unit price times quantity, rounded to the currency's minor unit as the
    /// marketplace states its line totals; gross or net as the unit price.
    /// </summary>
    public Money Total => (UnitPrice * Quantity).RoundToMinorUnit();

    /// <summary>
    /// The unit price of a line the marketplace states as a total: the total divided by the quantity, rounded half away
    /// from zero to 6 decimals, so that unit price × quantity rounds back to the total in the currency's minor unit for
    /// any quantity below 10,000.
    /// </summary>
    /// <param name="lineTotal">What the buyer pays for the whole line, after its discounts.</param>
    /// <param name="quantity">The quantity; a line of no units (a cancelled item) keeps its total.</param>
    /// <returns>The unit price.</returns>
    public static Money UnitPriceOf(Money lineTotal, int quantity) =>
        quantity <= 0 ? lineTotal : new Money(decimal.Round(lineTotal.Amount / quantity, 6, MidpointRounding.AwayFromZero), lineTotal.Currency);
}
