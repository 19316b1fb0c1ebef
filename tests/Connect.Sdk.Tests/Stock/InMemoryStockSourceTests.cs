using Connect.Sdk.Stock;

namespace Connect.Sdk.Tests.Stock;

public sealed class InMemoryStockSourceTests
{
    [Fact]
    public async Task GetStock_KnownAndUnknownArticles_ReturnsOnlyTheKnownOnes()
    {
        var source = new InMemoryStockSource().Set("4711", 12, 3).Set("5000-S", 0.5m);

        var levels = await source.GetStockAsync(["4711", "9999", "5000-S"], CancellationToken.None);

        Assert.Equal([new StockLevel("4711", 12, 3), new StockLevel("5000-S", 0.5m, 0)], levels);
    }

    [Fact]
    public async Task Set_SameArticleAgain_ReplacesTheLevel()
    {
        var source = new InMemoryStockSource().Set("4711", 12).Set("4711", 7, 1);

        var level = Assert.Single(await source.GetStockAsync(["4711"], CancellationToken.None));

        Assert.Equal(new StockLevel("4711", 7, 1), level);
    }
}
