using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Journal;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>Stock under faults: the journal tells the truth per article and every level ends right, never applied twice.</summary>
public sealed class ShopifyStockFaultTests : ShopifyFaultFixture
{
    [Fact]
    public async Task TooManyRequestsOnTheWrite_RetryAfterHonouredWithTheSameKey()
    {
        await MapArticlesAsync(7, 8);
        Faults.Next(FaultKind.TooManyRequests, operation: "graphql.inventorySetQuantities");
        var before = Time.Elapsed;

        await Host.RunDueAsync();

        Assert.Equal(7, Shop.StockOf(Product(1)));
        Assert.Equal(8, Shop.StockOf(Product(2)));
        Assert.All(await JournalAsync(RecordKind.ArticleStock), e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        var writes = Traffic.Exchanges.Where(e => e.Request.Contains("inventorySetQuantities(", StringComparison.Ordinal)).ToList();
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.OK], writes.Select(w => w.Status));
        Assert.Equal(KeyOf(writes[0].Request), KeyOf(writes[1].Request));
        Assert.True(Time.Elapsed - before >= TimeSpan.FromSeconds(1), "The retry must wait the Retry-After of 1 s.");
    }

    [Fact]
    public async Task MalformedAnswerToTheWrite_ReadBackShowsItNotAppliedAndSendsAgain()
    {
        await MapArticlesAsync(7, 8);
        Faults.Next(FaultKind.MalformedJson, operation: "graphql.inventorySetQuantities");

        await Host.RunDueAsync();

        Assert.Equal(7, Shop.StockOf(Product(1)));
        Assert.Equal(8, Shop.StockOf(Product(2)));
        Assert.All(await JournalAsync(RecordKind.ArticleStock), e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        Assert.Equal(2, Sent("inventorySetQuantities"));
    }

    [Fact]
    public async Task TruncatedAnswerToTheWrite_SentAgainUnderItsIdempotencyKey_AppliedOnce()
    {
        // A cut-off answer is a transport fault inside the retry; the write carries its idempotency key, so it goes again.
        await MapArticlesAsync(7, 8);
        Faults.Next(FaultKind.TruncatedJson, operation: "graphql.inventorySetQuantities");

        await Host.RunDueAsync();

        Assert.Equal(7, Shop.StockOf(Product(1)));
        Assert.Equal(8, Shop.StockOf(Product(2)));
        Assert.All(await JournalAsync(RecordKind.ArticleStock), e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        Assert.Equal(2, Sent("inventorySetQuantities"));
    }

    [Fact]
    public async Task OneReadAnsweredWithAnErrorPage_OnlyThatArticleWaitsForTheNextRun()
    {
        await MapArticlesAsync(7, 8);
        Faults.Next(FaultKind.MalformedJson, operation: "graphql.product");

        await Host.RunDueAsync();

        // Article 1's read got an HTML page: it alone failed, saying why; article 2 went out in the same batch.
        var first = (await EntryAsync(RecordKind.ArticleStock, ArticleNumber(1))).History;
        Assert.Contains(first, c => c.To == JournalStatus.Failed && c.Message!.Contains("the shop's quantity could not be read", StringComparison.Ordinal));
        Assert.DoesNotContain((await EntryAsync(RecordKind.ArticleStock, ArticleNumber(2))).History, c => c.To == JournalStatus.Failed);
        Assert.Equal(8, Shop.StockOf(Product(2)));

        await Host.RunForAsync(NodaTime.Duration.FromMinutes(10));

        Assert.Equal(7, Shop.StockOf(Product(1)));
        Assert.Equal(JournalStatus.Succeeded, (await EntryAsync(RecordKind.ArticleStock, ArticleNumber(1))).Status);
    }

    [Fact]
    public async Task DroppedConnectionOnTheWrite_RetriedUnderItsIdempotencyKey()
    {
        await MapArticlesAsync(7, 8);
        Traffic.BeforeSend = body =>
        {
            if (body.Contains("inventorySetQuantities(", StringComparison.Ordinal))
            {
                Traffic.BeforeSend = null;
                Faults.Next(FaultKind.DroppedConnection, operation: "graphql");
            }

            return Task.CompletedTask;
        };

        await Host.RunDueAsync();

        Assert.Equal(7, Shop.StockOf(Product(1)));
        Assert.Equal(8, Shop.StockOf(Product(2)));
        Assert.All(await JournalAsync(RecordKind.ArticleStock), e => Assert.Equal(JournalStatus.Succeeded, e.Status));
        Assert.Contains(Faults.Injected, f => f.Kind == FaultKind.DroppedConnection);
    }

    [Fact]
    public async Task PartialBatch_OnlyTheRefusedArticlesFailAndSayWhy()
    {
        await MapArticlesAsync(7, 8, 9, 10);

        // Article 3's product is deleted on Shopify; article 2's quantity is changed on the shop while the batch is on its way.
        await Host.AddArticleAsync(Connection, new Connect.Sdk.Articles.Article("ART-GONE", "Gone", Connect.Sdk.Articles.ArticleKind.Simple), Product(99), 5);
        Traffic.BeforeSend = body =>
        {
            if (body.Contains("inventorySetQuantities(", StringComparison.Ordinal))
            {
                Traffic.BeforeSend = null;
                Shop.SeedArticle(Product(2), 40);
            }

            return Task.CompletedTask;
        };

        await Host.RunDueAsync();

        // The first run's stock sync journals the refusals; the day's first reconcile, due at once, already sends again.
        var journal = (await JournalAsync(RecordKind.ArticleStock)).ToDictionary(e => e.Key.RecordKey);
        var failed = journal.Values.Where(e => e.History.Any(h => h.To == JournalStatus.Failed)).Select(e => e.Key.RecordKey).Order();
        Assert.Equal(["ART-2", "ART-GONE"], failed);
        Assert.Contains(journal["ART-2"].History, h => h.To == JournalStatus.Failed && h.Message!.Contains("changed while it was sent (expected 3, found 40)", StringComparison.Ordinal));
        Assert.Equal(JournalStatus.Failed, journal["ART-GONE"].Status);
        Assert.Contains("Shopify has no product " + Product(99).Value, journal["ART-GONE"].Message, StringComparison.Ordinal);
        Assert.All(new[] { "ART-1", "ART-3", "ART-4" }, key => Assert.Equal(JournalStatus.Succeeded, journal[key].Status));

        // The next run read the level again and sent the ERP's quantity over the shop's 40.
        await Host.RunForAsync(NodaTime.Duration.FromMinutes(10));

        Assert.Equal([7, 8, 9, 10], Enumerable.Range(1, 4).Select(i => Shop.StockOf(Product(i)) ?? -1));
        Assert.Equal(JournalStatus.Succeeded, (await EntryAsync(RecordKind.ArticleStock, "ART-2")).Status);
    }

    [Fact]
    public async Task ServerErrorsThenRecovery_EveryLevelRight()
    {
        await MapArticlesAsync(7, 8);
        Faults.Next(FaultKind.ServiceUnavailable, times: 5, operation: "graphql.product");

        await Host.RunForAsync(NodaTime.Duration.FromMinutes(10));

        Assert.Equal(7, Shop.StockOf(Product(1)));
        Assert.Equal(8, Shop.StockOf(Product(2)));
        var entry = await EntryAsync(RecordKind.ArticleStock, "ART-1");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Contains(entry.History, h => h.To == JournalStatus.Failed && h.Message!.Contains("503", StringComparison.Ordinal));
    }

    private static string? KeyOf(string request) => (string?)JsonNode.Parse(request)!["variables"]!["idempotencyKey"];
}
