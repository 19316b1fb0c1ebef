using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Kaufland.Tests.Stock;

/// <summary>Stock goes out as each unit's <c>amount</c>; a record Kaufland refuses fails alone.</summary>
public sealed class KauflandStockFeatureTests
{
    private static readonly ForeignNumber Known = new(ForeignNumberLabel.ApiUnitId, "400000001");
    private static readonly ForeignNumber Unknown = new(ForeignNumberLabel.ApiUnitId, "400000002");
    private static readonly ForeignNumber Other = new(ForeignNumberLabel.ApiUnitId, "400000003");

    [Fact]
    public async Task PushStock_OneUnitUnknown_OnlyThatRecordFailsNamingItsUnit()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Known, 1);
        seller.Fake.SeedArticle(Other, 1);

        var result = await seller.DriveAsync(async () => await seller.Feature<IStockFeature>().PushStockAsync(
            seller.Context,
            [new StockUpdate("ART-1", Known, 5), new StockUpdate("ART-2", Unknown, 6), new StockUpdate("ART-3", Other, 7)],
            CancellationToken.None));

        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed, RecordOutcome.Succeeded], result.Records.Select(r => r.Outcome));
        Assert.Contains("Article ART-2 (unit 400000002, storefront de)", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Contains("/problems/not-found", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Equal(5, seller.Fake.StockOf(Known));
        Assert.Equal(7, seller.Fake.StockOf(Other));
    }

    [Fact]
    public async Task PushStock_ForeignNumberNotAUnitId_FailsWithoutARequest()
    {
        await using var seller = await KauflandTestSeller.StartAsync();

        var result = await seller.DriveAsync(async () => await seller.Feature<IStockFeature>().PushStockAsync(
            seller.Context, [new StockUpdate("ART-1", new ForeignNumber(ForeignNumberLabel.ApiUnitId, "MUG-1"), 5)], CancellationToken.None));

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains("'MUG-1' is not a Kaufland id_unit", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == "units.update");
    }
}
