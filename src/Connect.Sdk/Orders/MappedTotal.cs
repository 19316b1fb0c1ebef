using System.Globalization;

namespace Connect.Sdk.Orders;

/// <summary>
/// What an ERP books for an order when it books every amount the way <see cref="MarketplaceOrder"/> defines them: the
/// lines, the shipping and the fees as the buyer paid them, their tax when prices are net, and the tax the marketplace
/// collected and remits itself. It equals the
/// marketplace's stated <see cref="MarketplaceOrder.Total"/> when nothing was lost in the mapping.
/// </summary>
/// <remarks>
/// Discounts do not appear: every amount is after its discounts already. Each line counts with its
/// <see cref="OrderLine.Total"/>, rounded to the currency's minor unit as the marketplace states line totals; with net
/// prices a line without a tax amount counts its rate times its total, rounded the same way, as an ERP would book it.
/// A marketplace that rounds its total once over unrounded amounts states the difference to its rounded parts
/// (<see cref="MarketplaceOrder.RoundingDifference"/>), which the ERP books as a rounding line and which counts here.
/// </remarks>
public sealed class MappedTotal
{
    private MappedTotal(Money lines, Money shipping, Money fees, Money addedTax, Money rounding, Money marketplaceCollectedTax)
    {
        Lines = lines;
        Shipping = shipping;
        Fees = fees;
        AddedTax = addedTax;
        Rounding = rounding;
        MarketplaceCollectedTax = marketplaceCollectedTax;
        Sum = lines + shipping + fees + addedTax + rounding + marketplaceCollectedTax;
    }

    /// <summary>The line totals.</summary>
    public Money Lines { get; }

    /// <summary>The shipping after its discounts.</summary>
    public Money Shipping { get; }

    /// <summary>The fees, credits negative.</summary>
    public Money Fees { get; }

    /// <summary>The tax of lines, shipping and fees when prices are net; zero when they include tax.</summary>
    public Money AddedTax { get; }

    /// <summary>The marketplace's own rounding difference (<see cref="MarketplaceOrder.RoundingDifference"/>); zero when it states none.</summary>
    public Money Rounding { get; }

    /// <summary>The tax the marketplace collected and remits itself (<see cref="MarketplaceOrder.MarketplaceCollectedTax"/>); zero when it states none.</summary>
    public Money MarketplaceCollectedTax { get; }

    /// <summary>What the ERP books for the whole order.</summary>
    public Money Sum { get; }

    /// <summary>Sums an order's amounts.</summary>
    /// <param name="order">The order.</param>
    /// <returns>What the ERP books for it.</returns>
    /// <exception cref="ArgumentException">An amount is not in the order's currency; the message names it.</exception>
    public static MappedTotal Of(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var currency = order.Currency;
        var zero = Money.Zero(currency);
        var lines = zero;
        var tax = zero;
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var total = In(line.Total, currency, $"line {i + 1} unit price");
            lines += total;
            tax += line.TaxAmount is { } amount
                ? In(amount, currency, $"line {i + 1} tax amount")
                : (total * (line.TaxRate ?? 0m)).RoundToMinorUnit();
        }

        var fees = zero;
        for (var i = 0; i < order.Fees.Count; i++)
        {
            fees += In(order.Fees[i].Amount, currency, $"fee {i + 1} ('{order.Fees[i].Title}')");
            tax += order.Fees[i].TaxAmount is { } feeTax ? In(feeTax, currency, $"fee {i + 1} tax amount") : zero;
        }

        var shipping = In(order.ShippingCost, currency, "shipping cost");
        tax += order.ShippingTax is { } shippingTax ? In(shippingTax, currency, "shipping tax") : zero;
        var rounding = order.RoundingDifference is { } difference ? In(difference, currency, "rounding difference") : zero;
        var collected = order.MarketplaceCollectedTax is { } remitted ? In(remitted, currency, "marketplace-collected tax") : zero;
        return new MappedTotal(lines, shipping, fees, order.PricesIncludeTax ? zero : tax, rounding, collected);
    }

    /// <summary>
    /// The largest <see cref="MarketplaceOrder.RoundingDifference"/> the import accepts: one minor unit of the currency per
    /// line, per fee and for the shipping. Each of them is stated as an amount and its tax, each rounded by at most half
    /// a minor unit, where the marketplace rounds their unrounded sum once.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <returns>The bound, positive, in the order's currency.</returns>
    public static Money MaxRoundingDifference(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var minorUnit = new decimal(1, 0, 0, false, (byte)order.Currency.MinorUnitDecimals);
        return new Money(minorUnit * (order.Lines.Count + order.Fees.Count + 1), order.Currency);
    }

    /// <summary>The parts and their sum, e.g. <c>lines 18.00 + shipping 0.00 + fees 0.00 + tax 1.53 = 19.53 USD</c>.</summary>
    /// <returns>The sum as a user reads it.</returns>
    public override string ToString() =>
        $"lines {Show(Lines)} + shipping {Show(Shipping)} + fees {Show(Fees)} + tax {Show(AddedTax)}"
        + (Rounding.Amount == 0m ? string.Empty : $" + rounding {Show(Rounding)}")
        + (MarketplaceCollectedTax.Amount == 0m ? string.Empty : $" + tax collected by the marketplace {Show(MarketplaceCollectedTax)}")
        + $" = {Show(Sum)} {Sum.Currency}";

    /// <summary>An amount with at least the decimals of its currency's minor unit (<c>30.00</c>, not <c>30</c>), and more if it has them.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The amount without its currency.</returns>
    internal static string Show(Money money)
    {
        var decimals = Math.Max(money.Amount.Scale, money.Currency.MinorUnitDecimals);
        return money.Amount.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static Money In(Money amount, CurrencyCode currency, string what) =>
        amount.Currency == currency
            ? amount
            : throw new ArgumentException($"the {what} is in {amount.Currency}, the order in {currency}");
}
