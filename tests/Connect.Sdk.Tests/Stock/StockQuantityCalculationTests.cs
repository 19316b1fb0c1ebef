using CsCheck;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Tests.Stock;

public sealed class StockQuantityCalculationTests
{
    public static TheoryData<decimal, decimal, StockRules, int, string> Cases() => new()
    {
        { 12m, 3m, StockRules.Default, 9, "on hand 12 − reserved 3 = 9" },
        { 12m, 3m, new StockRules { SafetyBuffer = 2 }, 7, "on hand 12 − reserved 3 − buffer 2 = 7" },
        { 12m, 3m, new StockRules { SafetyBuffer = 2, PublishPercentage = 50 }, 3, "on hand 12 − reserved 3 − buffer 2 = 7 × 50 % = 3.5 → 3" },
        { 12m, 0m, new StockRules { PublishPercentage = 50 }, 6, "on hand 12 − reserved 0 = 12 × 50 % = 6" },
        { 500m, 0m, new StockRules { Cap = 100 }, 100, "on hand 500 − reserved 0 = 500, capped at 100" },
        { 50m, 0m, new StockRules { Cap = 100 }, 50, "on hand 50 − reserved 0 = 50" },
        { 2m, 3m, new StockRules { SafetyBuffer = 2 }, 0, "on hand 2 − reserved 3 − buffer 2 = -3 → 0 (never negative)" },
        { 5m, 5m, StockRules.Default, 0, "on hand 5 − reserved 5 = 0" },
        { 12.75m, 0.25m, StockRules.Default, 12, "on hand 12.75 − reserved 0.25 = 12.5 → 12" },
        { 10m, 0m, new StockRules { PublishPercentage = 0 }, 0, "on hand 10 − reserved 0 = 10 × 0 % = 0" },
        { 400m, 0m, new StockRules { SafetyBuffer = 10, PublishPercentage = 50, Cap = 100 }, 100, "on hand 400 − reserved 0 − buffer 10 = 390 × 50 % = 195, capped at 100" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explain_SeedCases_GivesQuantityAndExplanation(decimal onHand, decimal reserved, StockRules rules, int quantity, string explanation)
    {
        var result = StockQuantityCalculation.Explain(new StockLevel("4711", onHand, reserved), rules);

        Assert.Equal(quantity, result.Quantity);
        Assert.Equal(explanation, result.Explanation);
        Assert.Equal(quantity, StockQuantityCalculation.Quantity(new StockLevel("4711", onHand, reserved), rules));
    }

    [Fact]
    public void Quantity_MoreThanIntMaxOnHand_IsClampedInsteadOfOverflowing()
    {
        var quantity = StockQuantityCalculation.Quantity(new StockLevel("sand", 10_000_000_000m, 0), StockRules.Default);

        Assert.Equal(int.MaxValue, quantity);
    }

    [Fact]
    public void Quantity_InvalidRules_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => StockQuantityCalculation.Quantity(new StockLevel("4711", 1, 0), new StockRules { PublishPercentage = 101 }));
    }

    private static readonly Gen<decimal> Amount = Gen.Select(Gen.Int[-1_000, 100_000], Gen.Int[0, 99], (units, cents) => units + (cents / 100m));

    private static readonly Gen<StockRules> Rules = Gen.Select(
        Gen.Int[0, 50],
        Gen.Int[0, 100],
        Gen.Int[0, 1_000].Select(c => c < 300 ? (int?)null : c),
        (buffer, percentage, cap) => new StockRules { SafetyBuffer = buffer, PublishPercentage = percentage, Cap = cap });

    [Fact]
    public void Quantity_AnyLevelAndRules_IsNeverNegativeNorAboveTheCap_AndMatchesTheExplanation()
    {
        Gen.Select(Amount, Amount, Rules).Sample((onHand, reserved, rules) =>
        {
            var level = new StockLevel("4711", onHand, reserved);
            var explained = StockQuantityCalculation.Explain(level, rules);
            var quantity = StockQuantityCalculation.Quantity(level, rules);

            var endsWithQuantity = explained.Explanation.EndsWith(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                                   || explained.Explanation.EndsWith("→ 0 (never negative)", StringComparison.Ordinal);
            return quantity >= 0
                   && (rules.Cap is not { } cap || quantity <= cap)
                   && quantity <= Math.Max(0, onHand - reserved)
                   && explained.Quantity == quantity
                   && endsWithQuantity;
        });
    }

    [Fact]
    public void Quantity_MoreOnHand_NeverPublishesLess()
    {
        Gen.Select(Amount, Amount, Gen.Int[0, 10_000], Rules).Sample((onHand, reserved, more, rules) =>
            StockQuantityCalculation.Quantity(new StockLevel("4711", onHand + more, reserved), rules)
            >= StockQuantityCalculation.Quantity(new StockLevel("4711", onHand, reserved), rules));
    }

    [Fact]
    public void Quantity_WholeStockWrittenWithDecimals_GivesTheSameAsWholeStock()
    {
        // 12.00m and 12m are equal but take different paths (integer and decimal arithmetic); both must agree.
        Gen.Select(Gen.Int[-1_000, 100_000], Gen.Int[0, 5_000], Rules).Sample((onHand, reserved, rules) =>
            StockQuantityCalculation.Explain(new StockLevel("4711", onHand, reserved), rules).Quantity
            == StockQuantityCalculation.Explain(new StockLevel("4711", onHand + 0.00m, reserved + 0.00m), rules).Quantity);
    }
}
