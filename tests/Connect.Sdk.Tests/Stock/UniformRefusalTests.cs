using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Tests.Stock;

/// <summary>Which answers make a batch refused whole for one reason, and which are each article's own.</summary>
public sealed class UniformRefusalTests
{
    [Fact]
    public void CommonReason_EnoughArticlesRefusedAlikeButForTheirNumbers_IsTheFirstMessage()
    {
        var batch = Sends(UniformRefusal.MinRecords);

        var reason = UniformRefusal.CommonReason(batch, Answers(batch, s => RecordResult.Failure(s.ArticleNumber, $"Article {s.ArticleNumber} (SKU {s.ForeignNumber.Value}): stock {s.Quantity.Quantity} refused: location not stocked")));

        Assert.Equal("Article A1 (SKU SKU-A1): stock 11 refused: location not stocked", reason);
    }

    [Fact]
    public void CommonReason_FewerArticlesThanTheThreshold_IsNone()
    {
        var batch = Sends(UniformRefusal.MinRecords - 1);

        Assert.Null(UniformRefusal.CommonReason(batch, Answers(batch, s => RecordResult.Failure(s.ArticleNumber, "location not stocked"))));
    }

    [Fact]
    public void CommonReason_DifferentReasonsOrOneAccepted_IsNone()
    {
        var batch = Sends(6);

        Assert.Null(UniformRefusal.CommonReason(batch, Answers(batch, s => RecordResult.Failure(s.ArticleNumber, s.ArticleNumber == "A3" ? "price missing" : "listing closed"))));
        Assert.Null(UniformRefusal.CommonReason(batch, Answers(batch, s => s.ArticleNumber == "A3" ? RecordResult.Success(s.ArticleNumber) : RecordResult.Failure(s.ArticleNumber, "listing closed"))));
    }

    private static StockSend[] Sends(int count) => Enumerable.Range(1, count)
        .Select(i => new StockSend(new Article($"A{i}", $"Article {i}", ArticleKind.Simple), new ForeignNumber(new ForeignNumberLabel("sku"), $"SKU-A{i}"), new StockQuantity($"A{i}", 10 + i, "on hand")))
        .ToArray();

    private static Dictionary<string, RecordResult> Answers(StockSend[] batch, Func<StockSend, RecordResult> answer) =>
        batch.ToDictionary(s => s.ArticleNumber, answer, StringComparer.Ordinal);
}
