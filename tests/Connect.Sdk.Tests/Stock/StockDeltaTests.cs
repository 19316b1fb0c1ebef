using Connect.Sdk.Stock;
using NodaTime;

namespace Connect.Sdk.Tests.Stock;

public sealed class StockDeltaTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 8, 0);

    private static readonly StockLevel[] Levels =
    [
        new("A", 10, 0), // sent 10 before: unchanged
        new("B", 10, 2), // sent 10 before: now 8
        new("C", 5, 0),  // never sent
    ];

    private static readonly Dictionary<string, SentStock> LastSent = new(StringComparer.Ordinal)
    {
        ["A"] = new("A", 10, At),
        ["B"] = new("B", 10, At),
    };

    [Fact]
    public void Changed_SomeArticlesChanged_ReturnsOnlyThoseWithTheirLastQuantity()
    {
        var changes = StockDelta.Changed(Levels, StockRules.Default, LastSent);

        Assert.Equal([new StockChange("B", 8, 10), new StockChange("C", 5, null)], changes);
    }

    [Fact]
    public void Changed_RulesChangedTheQuantity_CountsAsAChange()
    {
        var changes = StockDelta.Changed(Levels, new StockRules { Cap = 9 }, LastSent);

        Assert.Equal(["A", "B", "C"], changes.Select(c => c.ArticleNumber));
    }

    [Fact]
    public void All_ReturnsEveryArticle()
    {
        var changes = StockDelta.All(Levels, StockRules.Default, LastSent);

        Assert.Equal([new StockChange("A", 10, 10), new StockChange("B", 8, 10), new StockChange("C", 5, null)], changes);
    }
}
