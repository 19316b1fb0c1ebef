using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using NodaTime;
using static Connect.Sdk.Tests.Shipments.StatusUpdates;

namespace Connect.Sdk.Tests.Shipments;

public sealed class OrderStatusExportTests
{
    [Fact]
    public async Task NotifyOrderChanged_ProductiveConnection_ExportsOnTheNextRunAndJournalsSucceeded()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);

        var queued = await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        var results = await h.Engine.RunDueAsync(default);

        Assert.Equal(JournalStatus.Queued, queued.Status);
        Assert.Equal(TrackingExportState.Pending, queued.Tracking);
        var run = Assert.Single(results);
        Assert.Equal((WorkKind.OrderStatusExport, SyncTrigger.Event), (run.Item.Kind, run.Item.Trigger));
        Assert.Equal(new WorkRunSummary(1, 0, 0, 0), run.Summary);
        Assert.Equal("TRK-1", Assert.Single(Assert.Single(h.Market.Exports).Shipments).TrackingNumber);
        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal(TrackingExportState.Exported, entry.Tracking);
        Assert.Equal([JournalStatus.Queued, JournalStatus.Running, JournalStatus.Succeeded], entry.History.Select(c => c.To));
    }

    [Fact]
    public async Task NotifyOrderChanged_ThreeTimesBeforeTheRun_ExportsOnceWithTheLatestState()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        var export = h.StatusExport();

        await export.NotifyOrderChangedAsync(connection, Open("1001"), default);
        await export.NotifyOrderChangedAsync(connection, PartiallyShipped("1001", Parcel("S1", "TRK-1")), default);
        await export.NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1"), Parcel("S2", "TRK-2")), default);
        await h.Engine.RunDueAsync(default);
        var again = await h.Engine.RunDueAsync(default);

        var sent = Assert.Single(h.Market.Exports);
        Assert.Equal(OrderStatus.Shipped, sent.Status);
        Assert.Equal(["TRK-1", "TRK-2"], sent.Shipments.Select(s => s.TrackingNumber));
        Assert.Empty(again);
        Assert.Equal(1, (await h.StatusEntryAsync(connection, "1001")).Attempts);
    }

    [Fact]
    public async Task Run_ChangeArrivesDuringTheExport_TheNewerChangeIsExportedByTheNextRun()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        var export = h.StatusExport();
        await export.NotifyOrderChangedAsync(connection, PartiallyShipped("1001", Parcel("S1", "TRK-1")), default);
        h.Market.OnExportAsync = async update =>
        {
            h.Market.OnExportAsync = null;

            // The ERP ships the second parcel while the marketplace is still answering for the first.
            await export.NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1"), Parcel("S2", "TRK-2")), default);
            return RecordResult.Success(update.OrderNumber);
        };

        await h.Engine.RunDueAsync(default);
        var between = await h.StatusEntryAsync(connection, "1001");
        var plan = await h.Engine.GetDueWorkAsync(default);
        await h.Engine.RunDueAsync(default);

        Assert.Equal(TrackingExportState.Pending, between.Tracking);
        Assert.Contains("newer change", between.Message, StringComparison.Ordinal);
        Assert.Contains(plan.Due, d => d.Kind == WorkKind.OrderStatusExport && d.Trigger == SyncTrigger.Event);
        var sent = Assert.Single(h.Market.Exports);
        Assert.Equal(OrderStatus.Shipped, sent.Status);
        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal((JournalStatus.Succeeded, TrackingExportState.Exported), (entry.Status, entry.Tracking));
    }

    [Fact]
    public async Task Run_PartialShipments_EachExportCarriesEveryShipmentSoFar()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        var export = h.StatusExport();
        var first = Parcel("S1", "TRK-1", ("L1", 2));
        var second = Parcel("S2", "TRK-2", ("L2", 1), ("L1", 1));

        await export.NotifyOrderChangedAsync(connection, PartiallyShipped("1001", first), default);
        await h.Engine.RunDueAsync(default);
        await export.NotifyOrderChangedAsync(connection, Shipped("1001", first, second), default);
        await h.Engine.RunDueAsync(default);

        Assert.Equal(
            [(OrderStatus.PartiallyShipped, new[] { "S1" }), (OrderStatus.Shipped, new[] { "S1", "S2" })],
            h.Market.Exports.Select(e => (e.Status, e.Shipments.Select(s => s.ShipmentId).ToArray())));
        Assert.Equal(
            [("L2", 1), ("L1", 1)],
            h.Market.Exports[1].Shipments[1].Lines.Select(l => (l.LineId, l.Quantity)));
        Assert.Contains("2 shipment(s)", (await h.StatusEntryAsync(connection, "1001")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MarketplaceRejects_JournalsFailedWithTrackingFailed_AndRetrySucceeds()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        h.Market.OnExport = u => RecordResult.Failure(u.OrderNumber, "carrier 'DHL' is not configured for shop token " + TestDoubles.TestMarketplace.Token);
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);

        var failedRun = Assert.Single(await h.Engine.RunDueAsync(default));
        var failed = await h.StatusEntryAsync(connection, "1001");
        h.Market.OnExport = null;
        var retry = await h.StatusExport().RetryAsync(connection, JournalSelection.Matching(new JournalQuery(connection, RecordKind.OrderStatus) { Statuses = [JournalStatus.Failed] }), default);
        var retryRun = Assert.Single(await h.Engine.RunDueAsync(default));

        Assert.Equal(1, failedRun.Summary.Failed);
        Assert.Equal((JournalStatus.Failed, TrackingExportState.Failed), (failed.Status, failed.Tracking));
        Assert.StartsWith("carrier 'DHL' is not configured", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestDoubles.TestMarketplace.Token, failed.Message, StringComparison.Ordinal);
        Assert.Equal(["1001"], retry.Queued);
        Assert.Equal(SyncTrigger.Manual, retryRun.Item.Trigger);
        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal((JournalStatus.Succeeded, TrackingExportState.Exported, 2), (entry.Status, entry.Tracking, entry.Attempts));
        Assert.Equal("TRK-1", Assert.Single(Assert.Single(h.Market.Exports).Shipments).TrackingNumber);
    }

    [Fact]
    public async Task Run_FailedExport_IsNotRetriedByTheNextChangeOfAnotherOrder()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        h.Market.OnExport = u => u.OrderNumber == "1001" ? RecordResult.Failure(u.OrderNumber, "rejected") : null;
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        await h.Engine.RunDueAsync(default);

        await h.StatusExport().NotifyOrderChangedAsync(connection, Open("1002"), default);
        var run = Assert.Single(await h.Engine.RunDueAsync(default));

        Assert.Equal(new WorkRunSummary(1, 0, 0, 0), run.Summary);
        Assert.Equal(1, (await h.StatusEntryAsync(connection, "1001")).Attempts);
    }

    [Fact]
    public async Task Run_ConnectorThrowsForOneOrder_ThatOrderFails_AndTheOthersAreExported()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        h.Market.OnExport = u => u.OrderNumber == "1002"
            ? throw new HttpRequestException("502 from https://market.test/orders?token=" + TestDoubles.TestMarketplace.Token)
            : null;
        foreach (var number in new[] { "1001", "1002", "1003" })
        {
            await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped(number, Parcel("S-" + number, "TRK-" + number)), default);
        }

        var run = Assert.Single(await h.Engine.RunDueAsync(default));

        Assert.Equal(WorkRunOutcome.Completed, run.Outcome);
        Assert.Equal(new WorkRunSummary(2, 0, 1, 0), run.Summary);
        Assert.Equal(["1001", "1003"], h.Market.Exports.Select(e => e.OrderNumber));
        var failed = await h.StatusEntryAsync(connection, "1002");
        Assert.Equal((JournalStatus.Failed, TrackingExportState.Failed), (failed.Status, failed.Tracking));
        Assert.StartsWith("The export broke off: 502 from https://market.test/orders", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failed.Message, StringComparison.Ordinal);   // a user reads it: no .NET type
        Assert.DoesNotContain(TestDoubles.TestMarketplace.Token, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LeaseTakenOverMidRun_StopsAsLeaseLostAndLeavesTheRefusedOrderPending()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        for (var i = 0; i < 25; i++)
        {
            await h.StatusExport().NotifyOrderChangedAsync(connection, Open($"{2000 + i}"), default);
        }

        // Steal the lease as the run passes order 15: the outbox refuses the run's next write, and the run stops.
        h.Market.OnExportAsync = async u =>
        {
            if (u.OrderNumber == "2015")
            {
                h.Clock.Advance(Duration.FromMinutes(11));
                await h.Get<IWorkLeaseStore>().TryAcquireAsync($"connection:{connection}", "other-worker", h.Clock.GetCurrentInstant(), Duration.FromMinutes(10), default);
            }

            return null;
        };
        var run = Assert.Single(await h.Engine.RunDueAsync(default));

        Assert.Equal(WorkRunOutcome.LeaseLost, run.Outcome);
        Assert.Contains("lease", run.Message, StringComparison.Ordinal);
        Assert.Equal(16, h.Market.Exports.Count);
        Assert.True((await h.Get<IOrderStatusOutbox>().GetAsync(connection, "2015", default))!.IsPending, "the refused mark must leave order 2015 pending for the worker holding the lease");
    }

    [Fact]
    public async Task Export_ByNumbers_SendsTheLatestKnownStateAndFailsTheUnknownOrder()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        var export = h.StatusExport();
        await export.NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        await export.NotifyOrderChangedAsync(connection, Open("1002"), default);

        // The zero-width space comes along when numbers are copied from a web page.
        var queued = await export.ExportAsync(connection, "1001, 1002;1003 1001 10\u200B02", default);
        var runs = await h.Engine.RunDueAsync(default);

        // In productive mode the ERP's changes already queued 1001 and 1002 for export: they are not queued twice.
        Assert.Equal(["1003"], queued.Queued);
        Assert.Equal(["1001", "1002"], queued.AlreadyQueued);
        Assert.Equal("10\u200B02", Assert.Single(queued.Rejected).Input);
        Assert.Equal(new WorkRunSummary(2, 0, 1, 0), runs.Aggregate(WorkRunSummary.Empty, (sum, run) => sum.Add(run.Summary)));
        Assert.Equal(["1001", "1002"], h.Market.Exports.Select(e => e.OrderNumber).Order());
        var unknown = await h.StatusEntryAsync(connection, "1003");
        Assert.Equal(JournalStatus.Failed, unknown.Status);
        Assert.Equal("The ERP has reported no status for order 1003 yet.", unknown.Message);
        Assert.Equal(TrackingExportState.NoTracking, (await h.StatusEntryAsync(connection, "1002")).Tracking);
    }

    [Fact]
    public async Task Export_OrderExportedBefore_SendsItsCurrentStateAgain()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        await h.Engine.RunDueAsync(default);

        var queued = await h.StatusExport().ExportAsync(connection, "1001", default);
        await h.Engine.RunDueAsync(default);

        Assert.Equal(["1001"], queued.Queued);
        Assert.Equal(2, h.Market.Exports.Count);
        Assert.Equal(h.Market.Exports[0], h.Market.Exports[1]);
    }

    [Fact]
    public async Task Export_FeatureOff_IsRefused()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        Assert.True((await h.Lifecycle.SetFeatureModeAsync(connection, FeatureKind.OrderStatus, FeatureMode.Off, SyncHarness.User, default)).Succeeded);

        var result = await h.StatusExport().ExportAsync(connection, "1001", default);

        Assert.True(result.IsRefused);
        Assert.Contains("OrderStatus is off", result.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_ImportModeDemo_SendsNothingAndJournalsTheSuppressedExport(bool productive)
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateConnectionAsync("market-1", productive, ImportMode.Demo, productive ? FeatureMode.Integration : FeatureMode.Test, FeatureKind.OrderStatus);
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        if (!productive)
        {
            await h.StatusExport().ExportAsync(connection, "1001", default);
        }

        var run = Assert.Single(await h.Engine.RunDueAsync(default));

        Assert.Empty(h.Market.Exports);
        Assert.Equal(new WorkRunSummary(0, 0, 0, 1), run.Summary);
        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal((JournalStatus.NotSynced, TrackingExportState.Pending), (entry.Status, entry.Tracking));
        Assert.Equal("Import mode Demo: status 'shipped' with 1 shipment(s), tracking TRK-1 was not sent to the marketplace.", entry.Message);
    }

    [Theory]
    [InlineData(true, FeatureMode.Integration, true)]
    [InlineData(true, FeatureMode.Test, false)]
    [InlineData(false, FeatureMode.Test, false)]
    [InlineData(false, FeatureMode.Integration, false)]
    public async Task NotifyOrderChanged_ExportRunIsDue_OnlyWhenProductiveAndInIntegrationMode(bool productive, FeatureMode mode, bool expectedDue)
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateConnectionAsync("market-1", productive: false, ImportMode.Automatic, FeatureMode.Integration, FeatureKind.Stock, FeatureKind.OrderStatus);
        if (productive)
        {
            Assert.True((await h.Lifecycle.SetProductiveModeAsync(connection, true, SyncHarness.User, default)).Succeeded);
        }

        Assert.True((await h.Lifecycle.SetFeatureModeAsync(connection, FeatureKind.OrderStatus, mode, SyncHarness.User, default)).Succeeded);

        var entry = await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(expectedDue, plan.Due.Any(d => d.Kind == WorkKind.OrderStatusExport && d.Trigger == SyncTrigger.Event));
        Assert.Equal(expectedDue ? JournalStatus.Queued : JournalStatus.NotSynced, entry.Status);
        if (!expectedDue)
        {
            Assert.Contains("not exported on change", entry.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NotifyOrderChanged_InTheTestPhase_IsNotSentLaterWhenTheConnectionBecomesProductive()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.OrderStatus);
        await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1")), default);
        await h.Lifecycle.SetFeatureModeAsync(connection, FeatureKind.OrderStatus, FeatureMode.Integration, SyncHarness.User, default);
        await h.Lifecycle.SetProductiveModeAsync(connection, true, SyncHarness.User, default);

        await h.StatusExport().NotifyOrderChangedAsync(connection, Open("1002"), default);
        await h.Engine.RunDueAsync(default);

        Assert.Equal(["1002"], h.Market.Exports.Select(e => e.OrderNumber));
    }

    [Fact]
    public async Task JournalQuery_TrackingFilter_ReturnsTheEntriesInThatState()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        h.Market.OnExport = u => u.OrderNumber == "1003" ? RecordResult.Failure(u.OrderNumber, "rejected") : null;
        var export = h.StatusExport();
        await export.NotifyOrderChangedAsync(connection, Open("1001"), default);
        await export.NotifyOrderChangedAsync(connection, Shipped("1002", Parcel("S1", "TRK-2")), default);
        await export.NotifyOrderChangedAsync(connection, Shipped("1003", Parcel("S1", "TRK-3")), default);
        await h.Engine.RunDueAsync(default);
        await export.NotifyOrderChangedAsync(connection, Shipped("1004", Parcel("S1", "TRK-4")), default);

        async Task<string[]> KeysAsync(TrackingExportState tracking) =>
            (await h.Journal.QueryAsync(new JournalQuery(connection, RecordKind.OrderStatus) { Tracking = tracking }, 0, 100, default))
            .Entries.Select(e => e.Key.RecordKey).Order().ToArray();

        Assert.Equal(["1001"], await KeysAsync(TrackingExportState.NoTracking));
        Assert.Equal(["1002"], await KeysAsync(TrackingExportState.Exported));
        Assert.Equal(["1003"], await KeysAsync(TrackingExportState.Failed));
        Assert.Equal(["1004"], await KeysAsync(TrackingExportState.Pending));
    }

    [Fact]
    public async Task NotifyOrderChanged_OrderImportedBefore_JournalShowsItsOrderDateAndBuyer()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        var placed = Instant.FromUtc(2026, 11, 20, 14, 30);
        await h.Journal.UpdateAsync(new JournalKey(connection, RecordKind.Order, "1001"), (e, now) => e.WithStatus(JournalStatus.Succeeded, "imported", now) with { OrderDate = placed, Title = "Erika Mustermann" }, default);

        await h.StatusExport().NotifyOrderChangedAsync(connection, Open("1001"), default);
        await h.Engine.RunDueAsync(default);

        var entry = await h.StatusEntryAsync(connection, "1001");
        Assert.Equal((placed, "Erika Mustermann"), (entry.OrderDate, entry.Title));
        var byDate = await h.Journal.QueryAsync(new JournalQuery(connection, RecordKind.OrderStatus) { OrderDateFrom = placed }, 0, 10, default);
        Assert.Equal("1001", Assert.Single(byDate.Entries).Key.RecordKey);
    }

    [Fact]
    public async Task NotifyOrderChanged_UnknownConnection_Throws()
    {
        await using var h = new SyncHarness();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.StatusExport().NotifyOrderChangedAsync(new ConnectionId("nope"), Open("1001"), default).AsTask());

        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }
}
