using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// The fees of an eBay order: <c>pricingSummary.fee</c> (special fees such as a recycling fee) less the part eBay collects
/// and remits itself (<c>ebayCollectAndRemitTaxes</c> of a <c>…_FEE</c> type, counted as marketplace-collected tax), and
/// <c>pricingSummary.adjustment</c>, a change of the items' price after the sale (negative a credit).
/// </summary>
internal static class EbayOrderFees
{
    /// <summary>Whether a collect-and-remit entry is a fee (e.g. <c>ELECTRONIC_RECYCLING_FEE</c>) rather than a tax.</summary>
    /// <param name="taxType">The entry's <c>taxType</c>.</param>
    /// <returns><see langword="true"/> for a fee.</returns>
    public static bool IsFee(string? taxType) => taxType?.EndsWith("_FEE", StringComparison.Ordinal) == true;

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
