using Connect.Sdk.Journal;
using Polly.CircuitBreaker;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>
/// A write refused by an open circuit never went out: it is not in doubt, and it is the shop's state, not the records'.
/// So the stock batch and the fulfillment fail as calls (the SDK counts them towards breaking the run off and tries
/// again later) instead of failing each record alike.
/// </summary>
public sealed class ShopifyOpenCircuitTests : ShopifyFaultFixture
{
    [Fact]
    public async Task StockWriteRefusedByAnOpenCircuit_BatchFailsAsACall_NoReadBackAndNoPause()
    {
        await MapArticlesAsync(4, 5, 6, 7, 8, 9);
        RefuseByOpenCircuit("inventorySetQuantities(");

        await Host.RunDueAsync();

        var entries = await JournalAsync(RecordKind.ArticleStock);
        Assert.Equal(6, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(JournalStatus.Failed, e.Status);
            Assert.StartsWith("the call to the marketplace failed", e.History[^1].Message, StringComparison.Ordinal);
        });

        // Six reads before the write, none after it: a request that never went out is not read back.
        Assert.Equal(6, Traffic.Exchanges.Count(e => e.Request.Contains("query Product(", StringComparison.Ordinal)));
        Assert.Equal(3, Shop.StockOf(Product(1)));
        Assert.DoesNotContain(await JournalAsync(RecordKind.Connection), e => e.Message?.StartsWith("Paused", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task FulfillmentRefusedByAnOpenCircuit_ThrowsMarketplaceUnavailable_NothingShipped()
    {
        var number = await ImportOneOrderAsync();
        RefuseByOpenCircuit("fulfillmentCreate(");

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => ExportParcelAsync(number, "TRACK-1"));

        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, failure.Code);
        Assert.Empty(Shop.ShipmentsOf(number));
    }

    // The circuit breaker's refusal, raised where the request would leave for the shop.
    private void RefuseByOpenCircuit(string field) =>
        Traffic.BeforeSend = body => body.Contains(field, StringComparison.Ordinal)
            ? throw new BrokenCircuitException("The circuit is now open and is not allowing calls.")
            : Task.CompletedTask;
}
