using Connect.Sdk.Orders;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Orders;

/// <summary>
/// Puts a Shopware promotion line item onto the product lines it discounted, where Shopware states that exactly: its
/// <c>payload.composition</c> names each line (by the cart id, the order line item's <c>identifier</c>) and its share, the
/// shares add up to the promotion, and each line's tax rate is carried by that line alone among the discounted ones, so
/// the promotion's <c>calculatedTaxes</c> entry of that rate is the line's tax reduction. Anything else is not allocated.
/// </summary>
internal static class PromotionAllocation
{
    /// <summary>The lines after the promotion, or <see langword="null"/> when it cannot be put onto them exactly.</summary>
    /// <param name="promotion">The promotion line item; its total is not positive and has the currency's decimals.</param>
    /// <param name="identifiers">Each product line's <c>identifier</c>, in the order of <paramref name="lines"/>.</param>
    /// <param name="lines">The product lines so far.</param>
    /// <param name="decimals">The decimals Shopware rounds the order's items to.</param>
    /// <returns>The discounted lines, or <see langword="null"/>.</returns>
    public static OrderLine[]? TryApply(LineItemJson promotion, IReadOnlyList<string?> identifiers, IReadOnlyList<OrderLine> lines, int decimals)
    {
        var composition = promotion.Payload?.Composition;
        var taxes = promotion.Price?.CalculatedTaxes ?? [];
        if (composition is not { Count: > 0 } || promotion.TotalPrice is not { } total)
        {
            return null;
        }

        var shares = new List<(int Line, decimal Discount)>();
        foreach (var part in composition)
        {
            var index = IndexOf(identifiers, part.Id);
            if (index < 0 || part.Discount is not { } discount || discount < 0 || decimal.Round(discount, decimals) != discount || shares.Exists(s => s.Line == index))
            {
                return null;
            }

            shares.Add((index, discount));
        }

        // Each discounted line's rate must be its own among the discounted lines, and each of the promotion's taxes must
        // belong to one of them: only then is the tax of each rate the reduction of one line's tax.
        var rates = shares.Select(s => lines[s.Line].TaxRate).ToArray();
        if (shares.Sum(s => s.Discount) != -total
            || rates.Any(r => r is null)
            || rates.Distinct().Count() != rates.Length
            || taxes.Count != rates.Length)
        {
            return null;
        }

        var result = lines.ToArray();
        foreach (var (index, discount) in shares)
        {
            var line = lines[index];
            var tax = taxes.Where(t => t.TaxRate / 100m == line.TaxRate).ToArray();
            if (tax is not [var lineTax] || lineTax.Price != -discount || line.TaxAmount is not { } before)
            {
                return null;
            }

            var currency = line.UnitPrice.Currency;
            result[index] = line with
            {
                UnitPrice = OrderLine.UnitPriceOf(line.Total - new Money(discount, currency), line.Quantity),
                Discount = new Money((line.Discount?.Amount ?? 0m) + discount, currency),
                TaxAmount = before + new Money(lineTax.Tax, currency),
            };
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string?> identifiers, string? id)
    {
        if (id is null)
        {
            return -1;
        }

        for (var i = 0; i < identifiers.Count; i++)
        {
            if (identifiers[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
