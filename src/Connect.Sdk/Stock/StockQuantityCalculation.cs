using System.Globalization;
using System.Text;

namespace Connect.Sdk.Stock;

/// <summary>
/// Computes the quantity to publish from an ERP stock level and a connection's <see cref="StockRules"/>:
/// available = on hand − reserved − buffer, then × percentage (rounded down), then the cap; never negative.
/// Pure: the same input always gives the same output.
/// </summary>
public static class StockQuantityCalculation
{
    /// <summary>Computes the quantity only, without the explanation: for the delta over a whole catalogue.</summary>
    /// <param name="level">The ERP stock level.</param>
    /// <param name="rules">The connection's rules.</param>
    /// <returns>Whole units, never negative, never above the cap.</returns>
    /// <exception cref="ArgumentException">The rules have problems (see <see cref="StockRules.Validate"/>).</exception>
    public static int Quantity(StockLevel level, StockRules rules)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(rules);
        return Compute(level, rules).Quantity;
    }

    /// <summary>Computes the quantity and explains it, for the journal message of the article.</summary>
    /// <param name="level">The ERP stock level.</param>
    /// <param name="rules">The connection's rules.</param>
    /// <returns>The quantity and its explanation, e.g. <c>on hand 12 − reserved 3 − buffer 2 = 7 × 50 % = 3.5 → 3</c>.</returns>
    /// <exception cref="ArgumentException">The rules have problems (see <see cref="StockRules.Validate"/>).</exception>
    public static StockQuantity Explain(StockLevel level, StockRules rules)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(rules);
        var steps = Compute(level, rules);
        var text = new StringBuilder()
            .Append("on hand ").Append(Format(level.OnHand))
            .Append(" − reserved ").Append(Format(level.ReservedByOpenOrders));
        if (rules.SafetyBuffer != 0)
        {
            text.Append(" − buffer ").Append(Format(rules.SafetyBuffer));
        }

        text.Append(" = ").Append(Format(steps.Available));
        if (steps.Available <= 0)
        {
            // Stating the zero explicitly tells the user it is a floor, not the result of the subtraction.
            if (steps.Available < 0)
            {
                text.Append(" → 0 (never negative)");
            }

            return new StockQuantity(level.ArticleNumber, 0, text.ToString());
        }

        var value = steps.Available;
        if (rules.PublishPercentage != 100)
        {
            value = steps.Available * rules.PublishPercentage / 100m;
            text.Append(" × ").Append(rules.PublishPercentage.ToString(CultureInfo.InvariantCulture)).Append(" % = ").Append(Format(value));
        }

        if (value != steps.Whole)
        {
            text.Append(" → ").Append(steps.Whole.ToString(CultureInfo.InvariantCulture));
        }

        if (steps.Capped)
        {
            text.Append(", capped at ").Append(steps.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        return new StockQuantity(level.ArticleNumber, steps.Quantity, text.ToString());
    }

    private static Steps Compute(StockLevel level, StockRules rules)
    {
        if (rules.SafetyBuffer < 0 || rules.PublishPercentage is < 0 or > 100 || rules.Cap < 0)
        {
            throw new ArgumentException($"The stock rules have problems: {string.Join(" ", rules.Validate())}", nameof(rules));
        }

        if (IsSmallWhole(level.OnHand) && IsSmallWhole(level.ReservedByOpenOrders) && IsSmallWhole(rules.SafetyBuffer))
        {
            return ComputeWhole((long)level.OnHand - (long)level.ReservedByOpenOrders - (long)rules.SafetyBuffer, rules);
        }

        var available = level.OnHand - level.ReservedByOpenOrders - rules.SafetyBuffer;
        if (available <= 0)
        {
            return new Steps(available, 0, 0, false);
        }

        var share = rules.PublishPercentage == 100 ? available : available * rules.PublishPercentage / 100m;

        // ERPs may report more than int.MaxValue units (grams of sand); no marketplace takes more anyway.
        var whole = share >= int.MaxValue ? int.MaxValue : (int)decimal.Floor(share);
        return rules.Cap is { } cap && whole > cap
            ? new Steps(available, whole, cap, true)
            : new Steps(available, whole, whole, false);
    }

    // Most ERPs keep whole pieces; integer arithmetic makes the delta over a million articles several times faster than decimal.
    private static Steps ComputeWhole(long available, StockRules rules)
    {
        if (available <= 0)
        {
            return new Steps(available, 0, 0, false);
        }

        var share = available * rules.PublishPercentage / 100;
        var whole = share >= int.MaxValue ? int.MaxValue : (int)share;
        return rules.Cap is { } cap && whole > cap
            ? new Steps(available, whole, cap, true)
            : new Steps(available, whole, whole, false);
    }

    // Whole numbers well inside long's range, so that the products above cannot overflow.
    private static bool IsSmallWhole(decimal value) => value.Scale == 0 && value > -1_000_000_000_000m && value < 1_000_000_000_000m;

    private static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private readonly record struct Steps(decimal Available, int Whole, int Quantity, bool Capped);
}
