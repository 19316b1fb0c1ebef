using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>Orders the ERP cannot take yet are held with a message the user can act on, and imported after the fix and a retry.</summary>
public sealed class HeldOrderTests
{
    public static TheoryData<string, MarketplaceOrder> Incomplete() => new()
    {
        {
            "line 2: testsku 'SKU-X-1' maps to no ERP article (no article has testsku 'SKU-X-1' on connection market-1",
            TestOrders.Order("1001", null, TestOrders.Line("1", "A-1"), TestOrders.Line("2", "X-1"))
        },
        {
            "tax information missing in marketplace order 1001 (line 2)",
            TestOrders.Order("1001", null, TestOrders.Line("1", "A-1"), TestOrders.Line("2", "A-2", taxRate: null))
        },
        {
            "tax information missing in marketplace order 1001 (lines 1, 2)",
            TestOrders.Order("1001", null, TestOrders.Line("1", "A-1", taxRate: null), TestOrders.Line("2", "A-2", taxRate: null))
        },
        { "shipping address missing in marketplace order 1001", TestOrders.Order("1001") with { ShippingAddress = null } },
        { "marketplace order 1001 has no lines", TestOrders.Order("1001") with { Lines = [] } },
        { "line 1: quantity 0 (at least 1 is needed)", TestOrders.Order("1001", null, TestOrders.Line("1", "A-1", quantity: 0)) },
        {
            "line 1: 'Gift wrap' has no foreign number, so it maps to no ERP article",
            TestOrders.Order("1001", null, TestOrders.Line("1", "A-1") with { ForeignNumber = null, Title = "Gift wrap" })
        },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public async Task ScheduledRun_OrderTheErpCannotTake_IsHeldWithAClearMessage_AndNotHandedOver(string expected, MarketplaceOrder order)
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(order);

        var result = await world.RunScheduledAsync();

        Assert.Equal(1, result.Summary.Failed);
        Assert.Empty(world.Sink.Orders);
        var entry = await world.EntryAsync("1001");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains(expected, entry.Message, StringComparison.Ordinal);
        Assert.EndsWith("held back from the ERP until this is corrected, then retry", entry.Message, StringComparison.Ordinal);
        var staged = await world.Staging.GetAsync(world.Connection, "1001", default);
        Assert.Equal((StagedOrderState.Held, entry.Message), (staged!.State, staged.HoldReason));
    }

    [Fact]
    public async Task Retry_AfterTheMissingMappingIsImported_ImportsTheHeldOrder()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Order("1001", null, TestOrders.Line("1", "A-1"), TestOrders.Line("2", "X-1")));
        await world.RunScheduledAsync();
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.RunDueAsync();
        Assert.Empty(world.Sink.Orders);

        await world.MapArticleAsync("X-1");
        var retry = await world.Import.RetryAsync(
            world.Connection,
            JournalSelection.Matching(new JournalQuery(world.Connection, RecordKind.Order) { Statuses = [JournalStatus.Failed] }),
            default);
        var run = Assert.Single(await world.RunDueAsync());

        Assert.Equal(["1001"], retry.Queued);
        Assert.Equal(1, run.Summary.Succeeded);
        var handOver = Assert.Single(world.Sink.Orders);
        Assert.Equal("X-1", handOver.ArticleNumbersByLineId["2"]);
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }

    [Fact]
    public async Task Retry_AfterTheShopFixedTheTaxInformation_LoadsTheOrderAgainAndImportsIt()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        var start = world.Harness.Clock.GetCurrentInstant();
        world.Publish(TestOrders.Order("1001", start - Duration.FromDays(2), TestOrders.Line("1", "A-1", taxRate: null)));
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        await world.RunDueAsync();
        Assert.Contains("tax information missing in marketplace order 1001", (await world.EntryAsync("1001")).Message, StringComparison.Ordinal);

        world.Publish(TestOrders.Order("1001", start - Duration.FromDays(2) + Duration.FromMinutes(5), TestOrders.Line("1", "A-1", taxRate: 0.07m)));
        await world.Import.RetryAsync(world.Connection, JournalSelection.Of("1001"), default);
        await world.RunDueAsync();

        var handOver = Assert.Single(world.Sink.Orders);
        Assert.Equal(0.07m, handOver.Order.Lines[0].TaxRate);
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }

    [Fact]
    public async Task ScheduledRun_HeldOrderChangedOnTheMarketplace_IsCheckedAgainWithoutARetry()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        var start = world.Harness.Clock.GetCurrentInstant();
        world.Publish(TestOrders.Order("1001", start - Duration.FromMinutes(1)) with { ShippingAddress = null });
        await world.RunDueAsync();
        Assert.Empty(world.Sink.Orders);

        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        world.Publish(TestOrders.Order("1001", world.Harness.Clock.GetCurrentInstant() - Duration.FromMinutes(1)));
        await world.RunDueAsync();

        Assert.Single(world.Sink.Orders);
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }

    [Fact]
    public async Task Readiness_SeveralProblems_AreNamedInOneMessage()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Order("1001", null, TestOrders.Line("1", "X-1", quantity: 0, taxRate: null)) with { ShippingAddress = null });

        await world.RunScheduledAsync();

        var message = (await world.EntryAsync("1001")).Message!;
        Assert.Contains("shipping address missing", message, StringComparison.Ordinal);
        Assert.Contains("line 1: quantity 0", message, StringComparison.Ordinal);
        Assert.Contains("line 1: testsku 'SKU-X-1' maps to no ERP article", message, StringComparison.Ordinal);
        Assert.Contains("tax information missing in marketplace order 1001 (line 1)", message, StringComparison.Ordinal);
    }
}
