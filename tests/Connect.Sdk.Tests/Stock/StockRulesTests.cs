using Connect.Sdk.Stock;

namespace Connect.Sdk.Tests.Stock;

public sealed class StockRulesTests
{
    public static TheoryData<StockRules, string?> Values() => new()
    {
        { StockRules.Default, null },
        { new StockRules { SafetyBuffer = 0.5m, PublishPercentage = 0, Cap = 0 }, null },
        { new StockRules { SafetyBuffer = -1 }, "safety buffer is -1" },
        { new StockRules { PublishPercentage = 101 }, "percentage to publish is 101" },
        { new StockRules { PublishPercentage = -5 }, "percentage to publish is -5" },
        { new StockRules { Cap = -1 }, "cap is -1" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Validate_Values_NamesEachProblem(StockRules rules, string? problem)
    {
        var problems = rules.Validate();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problem, Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_PublishesEverything()
    {
        Assert.Equal((0m, 100, (int?)null), (StockRules.Default.SafetyBuffer, StockRules.Default.PublishPercentage, StockRules.Default.Cap));
    }
}
