using Basar.Connector.Fake;
using Basar.Connector.Stock;
using Basar.Connector.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;

namespace Basar.Connector.Tests.Stock;

/// <summary>Stock batches against the fake: Basar's per-offer results become per-record results.</summary>
public sealed class BasarStockFeatureTests
{
    [Fact]
    public async Task PushStock_PartialBatchFailure_MarksExactlyTheFailedRecords()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        for (var i = 1; i <= 4; i++)
        {
            fake.SeedArticle(BasarTestOrders.Offer($"OF-{i}"), 3);
        }

        fake.Faults.Next(FaultKind.PartialBatchFailure, operation: "offers.stock");
        await using var services = new BasarTestServices();
        var connector = services.Connector;
        var connection = await BasarTestConnection.CreateAsync(fake.BaseAddress);

        var result = await connector.GetFeature<IStockFeature>()!.PushStockAsync(connection, Updates(4), CancellationToken.None);

        // The fake rejects every second item (offer_locked): records 2 and 4, and only they, fail.
        Assert.Equal(["ART-2", "ART-4"], result.Records.Where(r => r.Outcome == RecordOutcome.Failed).Select(r => r.RecordKey));
        Assert.Equal(["ART-1", "ART-3"], result.Records.Where(r => r.Outcome == RecordOutcome.Succeeded).Select(r => r.RecordKey));
        Assert.Contains("offer_locked", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Equal([7, 3, 7, 3], Enumerable.Range(1, 4).Select(i => fake.StockOf(BasarTestOrders.Offer($"OF-{i}"))));
    }

    [Fact]
    public async Task PushStock_UnknownOffer_FailsOnlyThatRecordNamingTheOffer()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 3);
        await using var services = new BasarTestServices();
        var connector = services.Connector;
        var connection = await BasarTestConnection.CreateAsync(fake.BaseAddress);

        var result = await connector.GetFeature<IStockFeature>()!.PushStockAsync(connection, Updates(2), CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, result.Records[0].Outcome);
        Assert.Equal(RecordOutcome.Failed, result.Records[1].Outcome);
        Assert.Contains("OF-2", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Contains(BasarErrorCodes.UnknownOffer, result.Records[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBatchResult_OfferWithoutResult_FailsThatRecord()
    {
        var results = new BasarStockResultJson([new BasarStockItemResultJson("OF-1", "ok", null)]);

        var batch = BasarStockFeature.ToBatchResult(Updates(2), results);

        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed], batch.Records.Select(r => r.Outcome));
        Assert.Equal("Basar sent no result for offer OF-2.", batch.Records[1].Message);
    }

    private static StockUpdate[] Updates(int count) =>
        Enumerable.Range(1, count).Select(i => new StockUpdate($"ART-{i}", BasarTestOrders.Offer($"OF-{i}"), 7)).ToArray();
}
