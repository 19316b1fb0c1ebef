using System.Globalization;
using Connect.Sdk.Prices;
using Connect.Sdk.WooCommerce.Wire;

namespace Connect.Sdk.WooCommerce.Prices;

/// <summary>
/// A price update as WooCommerce's two price fields, both decimal strings in the currency's minor unit: with a compare-at
/// price, <c>regular_price</c> is the compare-at price and <c>sale_price</c> the price (WooCommerce strikes the regular
/// price through beside it); without, <c>regular_price</c> is the price and <c>sale_price</c> is <c>""</c>, which clears
/// a sale left from before.
/// </summary>
/// <param name="RegularPrice">The <c>regular_price</c>.</param>
/// <param name="SalePrice">The <c>sale_price</c>, <c>""</c> for none.</param>
internal sealed record WooPriceFields(string RegularPrice, string SalePrice)
{
    /// <summary>The fields of an update, or why the shop must not get it.</summary>
    /// <param name="update">The update.</param>
    /// <param name="shop">What the shop takes prices in.</param>
    /// <param name="fields">The fields, when the update can be sent.</param>
    /// <param name="problem">Otherwise the reason, for the record's message (without the article).</param>
    /// <returns>Whether the update can be sent.</returns>
    public static bool TryCreate(PriceUpdate update, ShopPriceTerms shop, out WooPriceFields fields, out string problem)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(shop);
        fields = null!;
        var price = update.Price;
        if (NotInShopCurrency(update, shop.Currency) is { } other)
        {
            problem = $"the {(other == price ? "price" : "compare-at price")} {other} is not in the shop's currency {shop.Currency} (WooCommerce setting woocommerce_currency); prices are never converted.";
            return false;
        }

        if (update.Basis != shop.Basis)
        {
            // WooCommerce adds or takes off the tax on what it is given according to this option: a net price in a shop
            // that enters prices with tax would sell below the ERP's price by the VAT, a gross one in the other above it.
            problem = $"the price {price} is {BasisName(update.Basis)}, but the shop takes prices {BasisName(shop.Basis)} (WooCommerce setting woocommerce_prices_include_tax: {(shop.PricesIncludeTax ? "yes" : "no")}); prices are never converted.";
            return false;
        }

        if ((AmountProblem("price", price) ?? (update.CompareAtPrice is { } c ? AmountProblem("compare-at price", c) : null)) is { } amountProblem)
        {
            problem = amountProblem;
            return false;
        }

        if (update.CompareAtPrice is { } compareAt && compareAt.Amount <= price.Amount)
        {
            // WooCommerce keeps a sale price at or above the regular price but sells at the regular one: the buyer would pay the compare-at price.
            problem = $"the compare-at price {compareAt} is not above the price {price}; as regular_price beside sale_price WooCommerce would sell at it.";
            return false;
        }

        problem = string.Empty;
        fields = update.CompareAtPrice is { } struckThrough
            ? new WooPriceFields(Wire(struckThrough), Wire(price))
            : new WooPriceFields(Wire(price), string.Empty);
        return true;
    }

    /// <summary>
    /// What a batch answer's saved item shows otherwise than these fields asked for: its <c>regular_price</c>,
    /// <c>sale_price</c> and the <c>price</c> the shop now sells at (the sale price, or the regular price without one),
    /// compared as amounts, a field the answer lacks counting as different.
    /// </summary>
    /// <param name="saved">The item as the batch answered it.</param>
    /// <returns>The differences for the record's message, e.g. <c>price "" instead of 24.90</c>; <see langword="null"/> when there are none.</returns>
    public string? DifferencesIn(WooBatchItemJson saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var expectedPrice = SalePrice.Length == 0 ? RegularPrice : SalePrice;
        var differences = string.Join(", ", new[] { ("regular_price", RegularPrice, saved.RegularPrice), ("sale_price", SalePrice, saved.SalePrice), ("price", expectedPrice, saved.Price) }
            .Where(field => !SameAmount(field.Item2, field.Item3))
            .Select(field => $"{field.Item1} {Shown(field.Item3)} instead of {Shown(field.Item2)}"));
        return differences.Length == 0 ? null : differences;
    }

    // WooCommerce stores wc_format_decimal of what was sent, so "24.90" may come back as "24.9" from a plugin or an older
    // version: amounts are equal by value, "" only to "".
    private static bool SameAmount(string sent, string? saved) =>
        saved is not null && (sent.Length == 0
            ? saved.Length == 0
            : decimal.TryParse(saved, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                && amount == decimal.Parse(sent, CultureInfo.InvariantCulture));

    private static string Shown(string? value) => value is null ? "nothing" : value.Length == 0 ? "\"\"" : value;

    private static string BasisName(PriceBasis basis) => basis == PriceBasis.Gross ? "gross" : "net";

    private static Money? NotInShopCurrency(PriceUpdate update, CurrencyCode shopCurrency) =>
        update.Price.Currency != shopCurrency ? update.Price
        : update.CompareAtPrice is { } compareAt && compareAt.Currency != shopCurrency ? compareAt
        : null;

    private static string? AmountProblem(string name, Money amount) =>
        amount.Amount < 0 ? $"the {name} {amount} is below zero."
        : decimal.Round(amount.Amount, amount.Currency.MinorUnitDecimals) != amount.Amount
            ? $"the {name} {amount} has more decimals than {amount.Currency} has ({amount.Currency.MinorUnitDecimals}); it is sent as it is, never rounded here."
        : null;

    // Invariant culture with exactly the minor unit's decimals: a shop's "," decimal separator is for display only,
    // and wc_format_decimal would read "12,50" as 1250.
    private static string Wire(Money amount) =>
        amount.Amount.ToString("F" + amount.Currency.MinorUnitDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
