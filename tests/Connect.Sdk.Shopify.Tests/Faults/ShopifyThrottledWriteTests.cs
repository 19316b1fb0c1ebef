using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Http;

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
    public async Task FulfillmentThrottledToTheLastTry_FailsAsNotSent_NotSentAgain()
    {
        await MapArticlesAsync(10);
        var number = SeedOrders(1)[0];
        await Host.RunDueAsync();
        var order = Host.Orders.Orders.Single(o => o.Order.OrderNumber == number).Order;
        Traffic.AnswerInstead = body => body.Contains("fulfillmentCreate(", StringComparison.Ordinal) ? Throttled : null;

        var result = await StatusExport.ExportOrderStatusAsync(
            await Host.ContextOfAsync(Connection),
            new OrderStatusUpdate(number, order.MarketplaceOrderId, OrderStatus.Shipped, [Parcel("TRACK-1")]),
            CancellationToken.None);

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains("parcel TRACK-1 of order " + number + " not sent", result.Message, StringComparison.Ordinal);
        Assert.Equal(ShopifyGraphQLClient.MaxThrottledAttempts, Sent("fulfillmentCreate"));
        Assert.Empty(Shop.ShipmentsOf(number));
    }
}
