using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// The fees of an eBay order: <c>pricingSummary.fee</c> (special fees such as a recycling fee) less the part eBay collects
/// and remits itself (<c>ebayCollectAndRemitTaxes</c> of a type that is not one of eBay's taxes, counted as
/// marketplace-collected tax), and
/// <c>pricingSummary.adjustment</c>, a change of the items' price after the sale (negative a credit).
/// </summary>
internal static class EbayOrderFees
{
    // The taxes of eBay's TaxTypeEnum; its other values are fees (FeeEnum), WHITE_GOODS_DISPOSABLE_TAX among them despite its name.
    private static readonly HashSet<string> TaxTypes = new(StringComparer.Ordinal) { "STATE_SALES_TAX", "PROVINCE_SALES_TAX", "REGION", "GST", "VAT", "SST" };

    /// <summary>
    /// Whether a collect-and-remit entry is a fee (e.g. <c>ELECTRONIC_RECYCLING_FEE</c>, <c>WHITE_GOODS_DISPOSABLE_TAX</c>)
    /// rather than a tax: every type but eBay's named taxes is one, so that a fee type eBay adds later is not taken for a tax.
    /// </summary>
    /// <param name="taxType">The entry's <c>taxType</c>.</param>
    /// <returns><see langword="true"/> for a fee; <see langword="false"/> for a tax or an entry without a type.</returns>
    public static bool IsFee(string? taxType) => taxType is not null && !TaxTypes.Contains(taxType);

    /// <summary>The order's fees.</summary>
    /// <param name="summary">The order's pricing summary.</param>
    /// <param name="remittedFees">The fees eBay collects and remits, from the lines.</param>
    /// <param name="orderId">The order, for messages.</param>
    /// <param name="currency">The order's currency.</param>
    /// <returns>The fees; empty when there are none.</returns>
    /// <exception cref="FormatException">An amount is not exact.</exception>
    public static IReadOnlyList<OrderFee> Of(EbayPricingSummaryJson summary, IEnumerable<Money> remittedFees, string orderId, CurrencyCode currency)
    {
        var fees = new List<OrderFee>();
        if (EbayMoney.ReadOptional(summary.Fee, "pricingSummary.fee", orderId, currency) is { } fee)
        {
            var remitted = remittedFees.Sum(f => f.Amount);
            if (fee.Amount > remitted)
            {
                fees.Add(new OrderFee { Title = "eBay special fee (pricingSummary.fee)", Amount = new Money(fee.Amount - remitted, currency) });
            }
        }

        if (EbayMoney.ReadOptional(summary.Adjustment, "pricingSummary.adjustment", orderId, currency) is { Amount: not 0m } adjustment)
        {
            fees.Add(new OrderFee { Title = "eBay price adjustment (pricingSummary.adjustment)", Amount = adjustment });
        }

        return fees;
    }
}
