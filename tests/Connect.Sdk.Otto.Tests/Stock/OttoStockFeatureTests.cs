using Connect.Sdk.Features;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Otto.Tests.Stock;

public sealed class OttoStockFeatureTests
{
    [Fact]
    public async Task PushStock_OneSkuOttoDoesNotKnow_ThatRecordFailsAloneAndTheOthersAreSet()
    {
        await using var otto = await OttoDirect.StartAsync();
        otto.Fake.SeedArticle(OttoTestMarket.Sku(1), 0);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(3), 0);

        var result = await otto.Feature<IStockFeature>().PushStockAsync(otto.Context, [Update(1, 5), Update(2, 6), Update(3, 7)], CancellationToken.None);

        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed, RecordOutcome.Succeeded], result.Records.Select(r => r.Outcome));
        Assert.Contains("Article ART-2 (SKU SKU-2)", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Equal(5, otto.Fake.StockOf(OttoTestMarket.Sku(1)));
        Assert.Equal(7, otto.Fake.StockOf(OttoTestMarket.Sku(3)));
    }

    [Fact]
    public async Task PushStock_NegativeQuantity_FailsAloneAndIsNeverSent()
    {
        var transport = new RecordingTransport("/v1/availability/quantities");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(1), 3);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(2), 3);

        var result = await otto.Feature<IStockFeature>().PushStockAsync(otto.Context, [Update(1, -2), Update(2, 4)], CancellationToken.None);

        Assert.Equal(RecordOutcome.Failed, result.Records[0].Outcome);
        Assert.Contains("0 or more", result.Records[0].Message, StringComparison.Ordinal);
        Assert.Equal(RecordOutcome.Succeeded, result.Records[1].Outcome);
        Assert.DoesNotContain("SKU-1", Assert.Single(transport.Bodies), StringComparison.Ordinal);
        Assert.Equal(3, otto.Fake.StockOf(OttoTestMarket.Sku(1)));
    }

    [Fact]
    public async Task PushStock_OttoRefusesOneItemByItsPath_ThatRecordFailsNamingThePathAndTheRestIsSentAgain()
    {
        var transport = new RecordingTransport("/v1/availability/quantities");
        transport.AnswerOnce(400, """{"errors":[{"title":"INVALID_REQUEST_PARAMETER","path":"[1].quantity","detail":"must be less than 100000"}]}""");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        foreach (var i in new[] { 1, 2, 3 })
        {
            otto.Fake.SeedArticle(OttoTestMarket.Sku(i), 0);
        }

        var result = await otto.Feature<IStockFeature>().PushStockAsync(otto.Context, [Update(1, 5), Update(2, 6), Update(3, 7)], CancellationToken.None);

        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed, RecordOutcome.Succeeded], result.Records.Select(r => r.Outcome));
        Assert.Contains("INVALID_REQUEST_PARAMETER at [1].quantity: must be less than 100000", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, transport.Bodies.Count);
        Assert.DoesNotContain("SKU-2", transport.Bodies[1], StringComparison.Ordinal);
        Assert.Equal(0, otto.Fake.StockOf(OttoTestMarket.Sku(2)));
        Assert.Equal(7, otto.Fake.StockOf(OttoTestMarket.Sku(3)));
    }

    [Fact]
    public async Task PushStock_MoreThanOttosBatch_SentInRequestsOfTwoHundred()
    {
        var transport = new RecordingTransport("/v1/availability/quantities");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        for (var i = 0; i < 450; i++)
        {
            otto.Fake.SeedArticle(OttoTestMarket.Sku(i), 0);
        }

        var stock = otto.Feature<IStockFeature>();
        var result = await stock.PushStockAsync(otto.Context, Enumerable.Range(0, 450).Select(i => Update(i, 1)).ToArray(), CancellationToken.None);

        Assert.Equal(200, stock.MaxBatchSize);
        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        Assert.Equal(3, transport.Bodies.Count);
    }

    private static StockUpdate Update(int i, int quantity) => new(OttoTestMarket.Article(i), OttoTestMarket.Sku(i), quantity);
}
