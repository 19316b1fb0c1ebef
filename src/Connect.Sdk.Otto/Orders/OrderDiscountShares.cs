using System.Globalization;
using Connect.Sdk.Otto.Wire;

namespace Connect.Sdk.Otto.Orders;

/// <summary>
/// Spreads OTTO's order-level discounts (<c>initialDiscounts[]</c>, each naming the position items it applies to) over
/// the ERP lines those pieces belong to, in whole cents and in proportion to what the lines' pieces cost, the remaining
/// cents to the lines with the largest remainders: the shares add up to each discount exactly, so the lines add up to
/// what the buyer pays. OTTO does not say how it splits a discount between pieces, so the split between lines is the
/// connector's; the order's sum is not.
/// </summary>
internal static class OrderDiscountShares
{
    /// <summary>What the order's discounts take off each line.</summary>
    /// <param name="discounts">The order's <c>initialDiscounts</c>.</param>
    /// <param name="lineOf">The line id of each counted piece (cancelled pieces of an open order are not counted).</param>
    /// <param name="paidPrice">What the buyer pays for a counted piece before the order's discounts.</param>
    /// <param name="allPieces">The ids of every piece of the order, counted or not.</param>
    /// <returns>The discount per line id, and the sum of the discounts applied.</returns>
    /// <exception cref="FormatException">A discount that cannot be spread exactly, naming the field's path.</exception>
    public static (IReadOnlyDictionary<string, decimal> PerLine, decimal Applied) Of(
        IReadOnlyList<OttoDiscountJson?> discounts,
        IReadOnlyDictionary<string, string> lineOf,
        IReadOnlyDictionary<string, decimal> paidPrice,
        IReadOnlySet<string> allPieces)
    {
        var perLine = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var applied = 0m;
        for (var i = 0; i < discounts.Count; i++)
        {
            var path = $"initialDiscounts[{i}]";
            var discount = discounts[i] ?? throw new FormatException($"{path} is null");
            var ids = discount.PositionItemIds ?? [];
            if (ids.Length == 0)
            {
                throw new FormatException($"{path}.positionItemIds is empty: the discount cannot be given to the lines it was taken from");
            }

            if (ids.FirstOrDefault(id => !allPieces.Contains(id)) is { } unknown)
            {
                throw new FormatException($"{path}.positionItemIds names '{unknown}', no position item of the order");
            }

            var counted = ids.Where(lineOf.ContainsKey).Distinct(StringComparer.Ordinal).ToArray();
            if (counted.Length == 0)
            {
                // Only cancelled pieces: the buyer pays for none of them, so their discount is not taken off anything.
                continue;
            }

            if (counted.Length != ids.Distinct(StringComparer.Ordinal).Count())
            {
                var cancelled = ids.First(id => !lineOf.ContainsKey(id));
                throw new FormatException($"{path}.positionItemIds names cancelled position item '{cancelled}' beside open ones: OTTO does not state what the discount leaves on the others");
            }

            var weights = counted.GroupBy(id => lineOf[id], StringComparer.Ordinal)
                .Select(g => (Line: g.Key, Value: g.Sum(id => paidPrice[id])))
                .ToArray();
            var value = weights.Sum(w => w.Value);
            var cents = discount.DiscountAmount.Amount * 100m;
            if (discount.DiscountAmount.Amount > value)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}.discountAmount {discount.DiscountAmount.Amount} is more than the {value} its position items cost"));
            }

            var exact = weights.Select(w => value == 0m ? 0m : cents * w.Value / value).ToArray();
            var shares = exact.Select(decimal.Floor).ToArray();
            var left = (int)(cents - shares.Sum());
            foreach (var k in Enumerable.Range(0, exact.Length).OrderByDescending(k => exact[k] - shares[k]).ThenBy(k => k).Take(left))
            {
                shares[k]++;
            }

            for (var k = 0; k < weights.Length; k++)
            {
                perLine[weights[k].Line] = perLine.GetValueOrDefault(weights[k].Line) + (shares[k] / 100m);
            }

            applied += discount.DiscountAmount.Amount;
        }

        return (perLine, applied);
    }
}
