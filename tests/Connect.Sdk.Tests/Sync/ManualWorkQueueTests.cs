using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Sync;

public sealed class ManualWorkQueueTests
{
    [Fact]
    public async Task Queue_NewRecords_AreQueuedInTheJournalAndAManualRunIsDue()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.Orders);

        var result = await h.Get<ManualWorkQueue>().QueueAsync(connection, WorkKind.OrderImport, RecordKind.Order, ["1001", "1002", "1001"], "queued by anna", default);
        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(["1001", "1002"], result.Queued);
        Assert.Equal(JournalStatus.Queued, (await h.Journal.GetAsync(new(connection, RecordKind.Order, "1001"), default))!.Status);
        var due = Assert.Single(plan.Due);
        Assert.Equal((WorkKind.OrderImport, SyncTrigger.Manual), (due.Kind, due.Trigger));
    }

    [Fact]
    public async Task Queue_RecordsAlreadyQueued_AreNotQueuedTwice()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.Orders);
        var queue = h.Get<ManualWorkQueue>();
        await queue.QueueAsync(connection, WorkKind.OrderImport, RecordKind.Order, ["1001"], "first", default);

        var again = await queue.QueueAsync(connection, WorkKind.OrderImport, RecordKind.Order, ["1001", "1002"], "second", default);
        var entry = await h.Journal.GetAsync(new(connection, RecordKind.Order, "1001"), default);

        Assert.Equal(["1002"], again.Queued);
        Assert.Equal(["1001"], again.AlreadyQueued);
        Assert.Single(entry!.History, c => c.To == JournalStatus.Queued);
    }

    [Fact]
    public async Task Queue_EntryLeftRunningByABrokenRun_IsReportedWaitingAndRunsAgain()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateTestPhaseConnectionAsync("market-1", ImportMode.Automatic, FeatureKind.Orders);
        var queue = h.Get<ManualWorkQueue>();
        var key = new JournalKey(connection, RecordKind.Order, "1001");
        await h.Journal.SetStatusAsync(key, JournalStatus.Running, "the worker crashed here", default);

        var result = await queue.QueueAsync(connection, WorkKind.OrderImport, RecordKind.Order, ["1001"], "retry", default);
        var plan = await h.Engine.GetDueWorkAsync(default);
        var waiting = await queue.QueuedKeysAsync(connection, RecordKind.Order, default);

        Assert.Equal(["1001"], result.AlreadyQueued);
        Assert.Contains(plan.Due, d => d.Kind == WorkKind.OrderImport && d.Trigger == SyncTrigger.Manual);
        Assert.Equal(["1001"], waiting);
    }

    [Fact]
    public async Task Queue_CheckNotPassed_IsRefusedWithTheTablesReasonAndQueuesNothing()
    {
        await using var h = new SyncHarness();
        var connection = new ConnectionId("fresh");
        await h.Lifecycle.CreateAsync(connection, TestDoubles.TestMarketplace.Id, "Fresh", SyncHarness.User, default);
        await h.Lifecycle.SetFeatureModeAsync(connection, FeatureKind.Orders, FeatureMode.Test, SyncHarness.User, default);

        var result = await h.Get<ManualWorkQueue>().QueueAsync(connection, WorkKind.OrderImport, RecordKind.Order, ["1001"], "queued", default);

        Assert.True(result.IsRefused);
        Assert.Equal("Run the connection check first.", result.Refusal);
        Assert.Null(await h.Journal.GetAsync(new(connection, RecordKind.Order, "1001"), default));
        Assert.Empty((await h.Engine.GetDueWorkAsync(default)).Due);
    }

    [Fact]
    public void WithRequest_EarlierRequestForTheSameTrigger_Wins()
    {
        var delayed = new WorkSchedule(new ConnectionId("c"), WorkKind.OrderImport)
            .WithRequest(SyncTrigger.Manual, SyncHarness.Start + NodaTime.Duration.FromMinutes(1));

        var now = delayed.WithRequest(SyncTrigger.Manual, SyncHarness.Start);
        var later = now.WithRequest(SyncTrigger.Manual, SyncHarness.Start + NodaTime.Duration.FromMinutes(5));

        Assert.Equal(SyncHarness.Start, now.Requests[SyncTrigger.Manual]);
        Assert.Same(now, later);
    }

    [Fact]
    public async Task RunStarted_RequestArrivingDuringTheRun_SurvivesForTheNextRun()
    {
        var schedule = new WorkSchedule(new ConnectionId("c"), WorkKind.StockSync)
            .WithRequest(SyncTrigger.Event, SyncHarness.Start);

        var consumed = schedule.WithRunStarted(SyncTrigger.Event, SyncHarness.Start + NodaTime.Duration.FromSeconds(1));
        var survives = schedule.WithRunStarted(SyncTrigger.Event, SyncHarness.Start - NodaTime.Duration.FromSeconds(1));

        Assert.Empty(consumed.Requests);
        Assert.Single(survives.Requests);
    }
}
