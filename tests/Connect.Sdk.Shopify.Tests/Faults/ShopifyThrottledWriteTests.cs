using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>
/// A write Shopify still answers THROTTLED after the connector's last try ran nothing on the shop: it is not in doubt,
/// so its records fail as not sent, without a read-back deciding and without the write being sent again.
/// </summary>
public sealed class ShopifyThrottledWriteTests : ShopifyFaultFixture
{
    // Shopify's THROTTLED answer (HTTP 200), with a bucket that holds the cost again, so the connector retries at once.
    private const string Throttled = """{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],"extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}}""";

    [Fact]
    public async Task StockWriteThrottledToTheLastTry_FailsAsNotSent_NoReadBackAndNoFurtherRound()
    {
        await MapArticlesAsync(7, 8);
        Traffic.AnswerInstead = body => body.Contains("inventorySetQuantities(", StringComparison.Ordinal) ? Throttled : null;

        await Host.RunDueAsync();

        Assert.Equal(ShopifyGraphQLClient.MaxThrottledAttempts, Sent("inventorySetQuantities"));
        var reads = Traffic.Exchanges.Count(e => e.Request.Contains("query Product(", StringComparison.Ordinal));
        Assert.Equal(2, reads);
        Assert.Equal(3, Shop.StockOf(Product(1)));
        Assert.All(await JournalAsync(RecordKind.ArticleStock), e =>
        {
            Assert.Equal(JournalStatus.Failed, e.Status);
            Assert.Contains("throttled 8 times in a row", e.History[^1].Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task StockWriteOfSixArticlesThrottledToTheLastTry_BatchFailsAsACall_NoPauseOfTheStockSync()
    {
        // Six articles failing alike would be taken for a refusal of the stock itself, which pauses the stock sync on an
        // automatic run; a throttled shop is the call's failure, which the SDK counts towards breaking the run off.
        await MapArticlesAsync(4, 5, 6, 7, 8, 9);
        Traffic.AnswerInstead = body => body.Contains("inventorySetQuantities(", StringComparison.Ordinal) ? Throttled : null;

        await Host.RunDueAsync();

        Assert.Equal(ShopifyGraphQLClient.MaxThrottledAttempts, Sent("inventorySetQuantities"));
        var entries = await JournalAsync(RecordKind.ArticleStock);
        Assert.Equal(6, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(JournalStatus.Failed, e.Status);
            Assert.StartsWith("the call to the marketplace failed", e.History[^1].Message, StringComparison.Ordinal);
            Assert.Contains("throttled 8 times in a row", e.History[^1].Message, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(await JournalAsync(RecordKind.Connection), e => e.Message?.StartsWith("Paused", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task StockReadsThrottledToTheLastTry_BatchThrowsThrottled_NothingWritten()
    {
        await MapArticlesAsync(7, 8);
        Traffic.AnswerInstead = body => body.Contains("query Product(", StringComparison.Ordinal) ? Throttled : null;

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(async () => await PushStockAsync(1, 2));

        Assert.Equal(ConnectSdkErrorCode.Throttled, failure.Code);
        Assert.Equal(0, Sent("inventorySetQuantities"));
    }

    [Fact]
    public async Task FulfillmentThrottledToTheLastTry_ThrowsThrottled_NotSentAgain()
    {
        var number = await ImportOneOrderAsync();
        Traffic.AnswerInstead = body => body.Contains("fulfillmentCreate(", StringComparison.Ordinal) ? Throttled : null;

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => ExportParcelAsync(number, "TRACK-1"));

        Assert.Equal(ConnectSdkErrorCode.Throttled, failure.Code);
        Assert.Contains("throttled 8 times in a row", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ShopifyGraphQLClient.MaxThrottledAttempts, Sent("fulfillmentCreate"));
        Assert.Empty(Shop.ShipmentsOf(number));
    }

    private async Task<BatchResult> PushStockAsync(params int[] articles)
    {
        var stock = Host.Get<ConnectorRegistry>().Get(ShopifyConnector.Id).GetFeature<IStockFeature>()!;
        return await stock.PushStockAsync(await Host.ContextOfAsync(Connection), [.. articles.Select(i => new StockUpdate(ArticleNumber(i), Product(i), 7))], CancellationToken.None);
    }
}
