using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Tests.Orders;

/// <summary>
/// An ERP that refuses an order for a business reason (<see cref="OrderRefusedException"/>) gets it held with its
/// reason until a fix and a retry, where a crash of the sink is handed over again by the next run on its own
/// (<see cref="OrderImportCrashTests"/>).
/// </summary>
public sealed class ErpRefusalTests
{
    [Fact]
    public async Task HandOver_ErpRefusesTheOrder_IsFailedWithTheErpsReasonAndHeld()
    {
        var sink = new RefusingOrderSink(new InMemoryOrderSink()) { Refusals = { ["1001"] = "customer erika@example.com is unknown in the ERP" } };
        await using var world = await OrderWorld.ProductiveAsync(configure: s => s.AddSingleton<IOrderSink>(sink));
        world.Publish(TestOrders.Order("1001"));

        var result = await world.RunScheduledAsync();

        Assert.Equal((WorkRunOutcome.Completed, 1), (result.Outcome, result.Summary.Failed));
        var entry = await world.EntryAsync("1001");
        Assert.Equal(
            (JournalStatus.Failed, "the ERP refused order 1001: customer erika@example.com is unknown in the ERP; held back from the ERP until this is corrected, then retry"),
            (entry.Status, entry.Message));
        var staged = await world.Staging.GetAsync(world.Connection, "1001", default);
        Assert.Equal((StagedOrderState.Held, entry.Message), (staged!.State, staged.HoldReason));
        Assert.Null(await world.Ledger.FindAsync(world.Connection, "1001", default));
    }

    [Fact]
    public async Task NextRun_RefusedOrder_IsNotHandedOverAgainUntilARetry()
    {
        var sink = new RefusingOrderSink(new InMemoryOrderSink()) { Refusals = { ["1001"] = "tax rate 19 % is not set up in the ERP" } };

        // Import mode Manual: no scheduled run loads the orders again behind the test's back.
        await using var world = await OrderWorld.ProductiveAsync(ImportMode.Manual, configure: s => s.AddSingleton<IOrderSink>(sink));
        world.Publish(TestOrders.Order("1001"), TestOrders.Order("1002"));
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        await world.RunDueAsync();

        await world.Import.ImportOrdersAsync(world.Connection, "1002", default);
        await world.RunDueAsync();
        var attemptsBeforeTheFix = sink.Attempts("1001");
        sink.Refusals.Clear();
        await world.Import.RetryAsync(world.Connection, JournalSelection.Of("1001"), default);
        var retry = Assert.Single(await world.RunDueAsync());

        Assert.Equal(1, attemptsBeforeTheFix);
        Assert.Equal((1, 2), (retry.Summary.Succeeded, sink.Attempts("1001")));
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }

    [Fact]
    public async Task HandOver_ErpReasonQuotingASecret_IsJournaledWithoutIt()
    {
        var sink = new RefusingOrderSink(new InMemoryOrderSink()) { Refusals = { ["1001"] = $"request with token {TestMarketplace.Token} refused: customer unknown" } };
        await using var world = await OrderWorld.ProductiveAsync(configure: s => s.AddSingleton<IOrderSink>(sink));
        world.Publish(TestOrders.Order("1001"));

        await world.RunScheduledAsync();

        var entry = await world.EntryAsync("1001");
        Assert.DoesNotContain(TestMarketplace.Token, entry.Message, StringComparison.Ordinal);
        Assert.Contains("customer unknown", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyReason_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new OrderRefusedException(" "));
    }
}
