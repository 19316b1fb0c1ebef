using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Orders;

public sealed class ManualOrderImportTests
{
    [Fact]
    public async Task ImportOrders_InTheTestPhase_ImportsTheOrdersByNumber_AndReportsNumbersTheMarketplaceDoesNotKnow()
    {
        await using var world = await OrderWorld.TestPhaseAsync();
        world.Publish(TestOrders.Order("1001"), TestOrders.Order("1002"), TestOrders.Order("1004"));

        var queued = await world.Import.ImportOrdersAsync(world.Connection, "1001, 1002 ,1003, 1001", default);
        var plan = await world.Harness.Engine.GetDueWorkAsync(default);
        var run = Assert.Single(await world.RunDueAsync());

        Assert.Equal(["1001", "1002", "1003"], queued.Queued);
        Assert.Equal((WorkKind.OrderImport, SyncTrigger.Manual), (Assert.Single(plan.Due).Kind, plan.Due[0].Trigger));
        Assert.Equal((2, 1), (run.Summary.Succeeded, run.Summary.Failed));
        Assert.Equal(["1001", "1002"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        var missing = await world.EntryAsync("1003");
        Assert.Equal((JournalStatus.Failed, "order 1003 not found on the marketplace"), (missing.Status, missing.Message));
        Assert.Null(await world.FindEntryAsync("1004"));
        var imported = await world.EntryAsync("1001");
        Assert.Equal(
            [JournalStatus.Queued, JournalStatus.Queued, JournalStatus.Running, JournalStatus.Succeeded],
            imported.History.Select(h => h.To));
        Assert.Equal(
            ["import requested; waiting to be loaded from the marketplace", "loaded from the marketplace (step 1 of 2); waiting to be handed to the ERP", "handing the order to the ERP (step 2 of 2)", "order 1001 imported into the ERP as ERP-000001"],
            imported.History.Select(h => h.Message));
        Assert.Equal("Erika Muster 1001", imported.Title);
    }

    [Fact]
    public async Task FetchOrders_ImportModeManual_MakesARunDueThatImportsTheChangedOrders()
    {
        await using var world = await OrderWorld.ProductiveAsync(ImportMode.Manual);
        world.Publish(TestOrders.Order("1001"), TestOrders.Order("1002"));
        var before = await world.Harness.Engine.GetDueWorkAsync(default);

        var fetch = await world.Import.FetchOrdersAsync(world.Connection, default);
        var run = Assert.Single(await world.RunDueAsync());

        Assert.DoesNotContain(before.Due, d => d.Kind == WorkKind.OrderImport);
        Assert.False(fetch.IsRefused, fetch.Refusal);
        Assert.Equal((WorkKind.OrderImport, WorkRunOutcome.Completed, 2), (run.Item.Kind, run.Outcome, run.Summary.Succeeded));
        Assert.Equal(["1001", "1002"], world.Sink.Orders.Select(o => o.Order.OrderNumber).Order());
        Assert.DoesNotContain((await world.Harness.Engine.GetDueWorkAsync(default)).Due, d => d.Kind == WorkKind.OrderImport);
    }

    [Fact]
    public async Task FetchOrders_InTheTestPhase_IsRefused_AndNothingBecomesDue()
    {
        await using var world = await OrderWorld.TestPhaseAsync(ImportMode.Manual);
        world.Publish(TestOrders.Order("1001"));

        var fetch = await world.Import.FetchOrdersAsync(world.Connection, default);

        Assert.Equal("Productive mode is off: only manual runs from the journal.", fetch.Refusal);
        Assert.Empty((await world.Harness.Engine.GetDueWorkAsync(default)).Due);
        Assert.Empty(world.Sink.Orders);
    }

    [Fact]
    public async Task FetchOrders_UnknownConnection_IsRefusedByName()
    {
        await using var world = await OrderWorld.ProductiveAsync(ImportMode.Manual);

        var fetch = await world.Import.FetchOrdersAsync(new ConnectionId("nobody"), default);

        Assert.Equal("Connection nobody does not exist.", fetch.Refusal);
    }

    [Fact]
    public async Task ImportOrders_BadTokens_AreRejected_AndTheRestIsQueued()
    {
        await using var world = await OrderWorld.TestPhaseAsync();

        var result = await world.Import.ImportOrdersAsync(world.Connection, "1001;;10\u200B02\n" + new string('1', 101), default);

        Assert.Equal(["1001"], result.Queued);
        Assert.Equal(["10\u200B02", new string('1', 101)], result.Rejected.Select(r => r.Input));
        Assert.Null(await world.FindEntryAsync("10\u200B02"));
    }

    [Fact]
    public async Task ImportOrders_FeatureOff_IsRefused_AndQueuesNothing()
    {
        await using var world = await OrderWorld.TestPhaseAsync();
        await world.Harness.Lifecycle.SetFeatureModeAsync(world.Connection, FeatureKind.Orders, FeatureMode.Off, Sync.SyncHarness.User, default);

        var result = await world.Import.ImportOrdersAsync(world.Connection, "1001", default);

        Assert.True(result.IsRefused);
        Assert.Contains("Orders is off", result.Refusal, StringComparison.Ordinal);
        Assert.Null(await world.FindEntryAsync("1001"));
        Assert.Empty((await world.Harness.Engine.GetDueWorkAsync(default)).Due);
    }

    [Fact]
    public async Task ImportOrders_SameNumbersWhileQueued_AreNotQueuedTwice()
    {
        await using var world = await OrderWorld.TestPhaseAsync();
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);

        var again = await world.Import.ImportOrdersAsync(world.Connection, "1001, 1002", default);

        Assert.Equal(["1002"], again.Queued);
        Assert.Equal(["1001"], again.AlreadyQueued);
    }

    [Fact]
    public async Task ImportOrders_AlreadyImported_IsANoOpTheJournalShows()
    {
        await using var world = await OrderWorld.TestPhaseAsync();
        world.Publish(TestOrders.Order("1001"));
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        await world.RunDueAsync();

        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        var run = Assert.Single(await world.RunDueAsync());

        Assert.Equal(new WorkRunSummary(0, 0, 0, 1), run.Summary);
        Assert.Single(world.Sink.Orders);
        var entry = await world.EntryAsync("1001");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal("order 1001 was already imported as ERP-000001; not imported again", entry.Message);
    }

    [Fact]
    public async Task ManualRun_MarketplaceFailsTheLookup_FailsThoseOrders_WithTheReasonRedacted()
    {
        await using var world = await OrderWorld.TestPhaseAsync();
        world.Market.OnFetchByNumber = _ => throw new HttpRequestException($"401 for token {Connect.Sdk.Tests.TestDoubles.TestMarketplace.Token}");
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);

        var run = Assert.Single(await world.RunDueAsync());

        Assert.Equal(WorkRunOutcome.Completed, run.Outcome);
        var entry = await world.EntryAsync("1001");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.StartsWith("order 1001 could not be loaded from the marketplace (401 for token ", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Connect.Sdk.Tests.TestDoubles.TestMarketplace.Token, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_EntryLeftRunningByARunThatBrokeOff_MakesARunDueThatFinishesIt()
    {
        await using var world = await OrderWorld.TestPhaseAsync();
        world.Publish(TestOrders.Order("1001"));
        await world.Import.ImportOrdersAsync(world.Connection, "1001", default);
        world.Faults.Arm(CrashStep.JournalAfterHandOver);
        Assert.Equal(WorkRunOutcome.Failed, Assert.Single(await world.RunDueAsync()).Outcome);
        Assert.Equal(JournalStatus.Running, (await world.EntryAsync("1001")).Status);

        var retry = await world.Import.RetryAsync(world.Connection, JournalSelection.Of("1001"), default);
        var run = Assert.Single(await world.RunDueAsync());

        Assert.Equal(["1001"], retry.AlreadyQueued);
        Assert.Equal(SyncTrigger.Manual, run.Item.Trigger);
        Assert.Single(world.Sink.Orders);
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }
}
