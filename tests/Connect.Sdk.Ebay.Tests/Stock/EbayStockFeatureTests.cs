using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes.Ebay;
using static Connect.Sdk.Ebay.Tests.TestSupport.EbayTestSeller;

namespace Connect.Sdk.Ebay.Tests.Stock;

public sealed class EbayStockFeatureTests
{
    [Fact]
    public async Task PushStock_60Articles_GoOutAsThreeBulkCallsOfAtMost25_EachRecordWithItsOwnResult()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        for (var i = 1; i <= 60; i++)
        {
            await seller.MapArticleAsync(i, 0, i);
        }

        await seller.Host.RunDueAsync();

        var bulk = seller.Fake.Requests.Where(r => r.Operation == EbayOperations.BulkUpdatePriceQuantity).ToArray();
        Assert.Equal(3, bulk.Length);
        Assert.All(bulk, r => Assert.Equal(200, r.StatusCode));
        var calls = seller.Fake.BulkCalls;
        Assert.Equal([25, 25, 10], calls.Select(c => c.RequestedSkus.Count));
        Assert.Equal(60, calls.SelectMany(c => c.RequestedSkus).Distinct().Count());
        Assert.All(calls, c => Assert.Equal(c.RequestedSkus, c.AnsweredSkus));
        for (var i = 1; i <= 60; i++)
        {
            Assert.Equal(i, seller.Fake.StockOf(Listing(i)));
            Assert.Equal(JournalStatus.Succeeded, (await seller.JournalAsync(RecordKind.ArticleStock, Article(i))).Status);
        }
    }

    [Fact]
    public async Task PushStock_ListingAtItsRevisionsOfTheDay_FailsAlone_WithEbaysError()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        await seller.MapArticleAsync(1, 3, 7);
        await seller.MapArticleAsync(2, 3, 8);
        seller.Fake.SetRevisionsToday(ListingSku(2), EbayFake.RevisionsPerListingPerDay);

        await seller.Host.RunDueAsync();

        var limited = await seller.JournalAsync(RecordKind.ArticleStock, Article(2));
        Assert.Equal(JournalStatus.Failed, limited.Status);
        Assert.Contains($"{EbayFake.RevisionLimitErrorId} The listing {Listing(2).Value} has been revised 250 times today", limited.Message, StringComparison.Ordinal);
        Assert.Contains(ListingSku(2), limited.Message, StringComparison.Ordinal);
        Assert.Equal(3, seller.Fake.StockOf(Listing(2)));
        Assert.Equal(JournalStatus.Succeeded, (await seller.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
        Assert.Equal(7, seller.Fake.StockOf(Listing(1)));
    }

    [Fact]
    public async Task PushStock_OfferEbayNoLongerHas_FailsThatRecordOnly_TheOthersOfTheCallSucceed_ThenReadsItsOffersAgain()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.SeedArticle(Sku(1), 3);
        seller.Fake.SeedArticle(Sku(2), 3);
        seller.Fake.SeedArticle(Sku(3), 3);
        var (context, stock) = await FeatureAsync(seller);
        StockUpdate[] Levels(int quantity) => [new("ART-1", Sku(1), quantity), new("ART-2", Sku(2), quantity), new("ART-3", Sku(3), quantity)];
        await stock.PushStockAsync(context, Levels(4), CancellationToken.None);
        seller.Fake.Relist("SKU-2");

        // The kept offer id of SKU-2 is gone: eBay refuses that SKU alone with 25713, the others of the call go through.
        var refused = await stock.PushStockAsync(context, Levels(5), CancellationToken.None);
        var again = await stock.PushStockAsync(context, Levels(6), CancellationToken.None);

        Assert.Equal(3, seller.Fake.BulkCalls.Count);
        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed, RecordOutcome.Succeeded], refused.Records.Select(r => r.Outcome));
        Assert.Contains("25713", refused.Records[1].Message, StringComparison.Ordinal);
        Assert.All(again.Records, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        Assert.Equal(6, seller.Fake.StockOf(Sku(2)));
        Assert.Equal(2, seller.Fake.Requests.Count(r => r.Operation == EbayOperations.GetOffers && r.PathAndQuery.Contains("sku=SKU-2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PushStock_SkuEbayDoesNotList_FailsThatRecordOnly()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        await seller.MapArticleAsync(1, 3, 7);
        await seller.MapArticleAsync(2, 0, 4, listed: false);

        await seller.Host.RunDueAsync();

        var unknown = await seller.JournalAsync(RecordKind.ArticleStock, Article(2));
        Assert.Equal(JournalStatus.Failed, unknown.Status);
        Assert.Contains($"eBay has no inventory item whose published offer is listing {Listing(2).Value} (article ART-2, eBayListing)", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(7, seller.Fake.StockOf(Listing(1)));
    }

    [Fact]
    public async Task PushStock_UnchangedLevel_SendsNothing_AndSpendsNoRevision()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        await seller.MapArticleAsync(1, 3, 7);
        await seller.Host.RunDueAsync();
        var after = seller.Fake.RevisionsToday(ListingSku(1));

        await seller.Host.StockSync.NotifyStockChangedAsync([Article(1)], CancellationToken.None);
        await seller.Host.RunDueAsync();

        Assert.Equal(1, after);
        Assert.Equal(1, seller.Fake.RevisionsToday(ListingSku(1)));
        Assert.Single(seller.Fake.Requests, r => r.Operation == EbayOperations.BulkUpdatePriceQuantity);
    }

    [Fact]
    public async Task PushStock_ListingId_GoesToTheSkuOfThatListing_FoundThroughTheInventoryItemsOnce()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.SeedArticle(Sku(1), 3);
        seller.Fake.SeedArticle(Sku(2), 3);
        var listing = new ForeignNumber(ForeignNumberLabel.EbayListing, seller.Fake.ListingIdOf("SKU-2")!);
        var (context, stock) = await FeatureAsync(seller);

        var first = await stock.PushStockAsync(context, [new StockUpdate("ART-2", listing, 8)], CancellationToken.None);
        var again = await stock.PushStockAsync(context, [new StockUpdate("ART-2", listing, 6)], CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(first.Records).Outcome);
        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(again.Records).Outcome);
        Assert.Equal(6, seller.Fake.StockOf(Sku(2)));
        Assert.Equal(3, seller.Fake.StockOf(Sku(1)));
        Assert.Single(seller.Fake.Requests, r => r.Operation == EbayOperations.GetInventoryItems);
    }

    [Fact]
    public async Task PushStock_ListingIdNoOfferHas_FailsNamingTheArticleAndTheListing()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.SeedArticle(Sku(1), 3);
        var (context, stock) = await FeatureAsync(seller);

        var result = await stock.PushStockAsync(context, [new StockUpdate("ART-9", new ForeignNumber(ForeignNumberLabel.EbayListing, "999999999999"), 1)], CancellationToken.None);

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains("listing 999999999999 (article ART-9, eBayListing)", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == EbayOperations.BulkUpdatePriceQuantity);
    }

    [Fact]
    public async Task PushStock_ListingIdOfAVariationListing_FailsThatRecordNamingItsSkus_TheOthersGoOut()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.SeedVariation("110553999001", "SHIRT-M", 3);
        seller.Fake.SeedVariation("110553999001", "SHIRT-L", 3);
        seller.Fake.SeedArticle(Listing(1), 3);
        var (context, stock) = await FeatureAsync(seller);

        var result = await stock.PushStockAsync(
            context,
            [new StockUpdate("ART-9", new ForeignNumber(ForeignNumberLabel.EbayListing, "110553999001"), 5), new StockUpdate("ART-1", Listing(1), 7)],
            CancellationToken.None);

        var refused = result.Records[0];
        Assert.Equal(RecordOutcome.Failed, refused.Outcome);
        Assert.Contains("eBay listing 110553999001 (article ART-9, eBayListing) has 2 SKUs (SHIRT-L, SHIRT-M)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, seller.Fake.StockOf(new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M")));
        Assert.Equal(3, seller.Fake.StockOf(new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-L")));
        Assert.Equal(RecordOutcome.Succeeded, result.Records[1].Outcome);
        Assert.Equal(7, seller.Fake.StockOf(Listing(1)));
    }

    [Fact]
    public async Task PushStock_UnknownListingIds_OneScanServesTheRun_MissesRemembered_ScannedAgainNextRun()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.SeedArticle(Listing(1), 3);
        var (context, stock) = await FeatureAsync(seller);
        StockUpdate Unknown(int i) => new($"ART-{i}", new ForeignNumber(ForeignNumberLabel.EbayListing, $"99999999{i:D4}"), 1);
        int Scans() => seller.Fake.Requests.Count(r => r.Operation == EbayOperations.GetInventoryItems);

        var first = await stock.PushStockAsync(context, [Unknown(1), Unknown(2), new StockUpdate("ART-1", Listing(1), 7), Unknown(3)], CancellationToken.None);
        var secondBatch = await stock.PushStockAsync(context, [Unknown(1), Unknown(4)], CancellationToken.None);
        var afterRun = Scans();
        seller.Host.Time.Advance(TimeSpan.FromMinutes(11)); // past a scan's ten minutes: the next run
        await stock.PushStockAsync(context, [Unknown(1), new StockUpdate("ART-1", Listing(1), 8)], CancellationToken.None);

        Assert.Equal([RecordOutcome.Failed, RecordOutcome.Failed, RecordOutcome.Succeeded, RecordOutcome.Failed], first.Records.Select(r => r.Outcome));
        Assert.All(secondBatch.Records, r => Assert.Equal(RecordOutcome.Failed, r.Outcome));
        Assert.Equal(1, afterRun);
        Assert.Equal(2, Scans());
        Assert.Equal(8, seller.Fake.StockOf(Listing(1)));
    }

    [Fact]
    public async Task PushStock_KnownSkuRelistedUnderANewListingId_NextRunsScanFindsTheNewListing()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.SeedArticle(Sku(1), 3);
        var (context, stock) = await FeatureAsync(seller);
        ForeignNumber ListingOfSku1() => new(ForeignNumberLabel.EbayListing, seller.Fake.ListingIdOf("SKU-1")!);
        var first = await stock.PushStockAsync(context, [new StockUpdate("ART-1", ListingOfSku1(), 5)], CancellationToken.None);

        seller.Fake.Relist("SKU-1");
        seller.Host.Time.Advance(TimeSpan.FromMinutes(11)); // past a scan's ten minutes: the next run
        var relisted = await stock.PushStockAsync(context, [new StockUpdate("ART-1", ListingOfSku1(), 7)], CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(first.Records).Outcome);
        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(relisted.Records).Outcome);
        Assert.Equal(7, seller.Fake.StockOf(Sku(1)));
        Assert.Equal(2, seller.Fake.Requests.Count(r => r.Operation == EbayOperations.GetInventoryItems));
    }

    private static async Task<(ConnectionContext Context, IStockFeature Stock)> FeatureAsync(EbayTestSeller seller) =>
        (await seller.Host.ContextOfAsync(seller.Connection),
         seller.Host.Get<ConnectorRegistry>().Get(EbayConnector.Id).Features.OfType<IStockFeature>().Single());
}
