using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// A plan reads the connections and then all their schedules in one batch, whatever their number, and can list the work
/// that becomes due within a look-ahead, so that a scheduler plans once per poll interval rather than once per run.
/// </summary>
public sealed class PlanningReadsTests
{
    [Fact]
    public async Task GetDueWork_ManyConnections_ReadsTheirSchedulesInOneBatch()
    {
        var schedules = new CountingScheduleStore(new InMemoryWorkScheduleStore());
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkScheduleStore>(schedules));
        for (var i = 1; i <= 25; i++)
        {
            await h.CreateProductiveConnectionAsync($"market-{i}", FeatureKind.Orders, FeatureKind.Stock);
        }

        schedules.Reset();
        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(25, plan.Due.Count(d => d.Kind == WorkKind.OrderImport));
        Assert.Equal(0, schedules.SingleReads);
        Assert.Equal(1, schedules.BatchReads);
    }

    [Fact]
    public async Task GetDueWork_WithALookAhead_ListsTheWorkDueWithinItAsUpcoming()
    {
        await using var h = new SyncHarness(options: o => o.OrderImportInterval = Duration.FromMinutes(15));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        var item = Assert.Single((await h.Engine.GetDueWorkAsync(default)).Due, d => d.Kind == WorkKind.OrderImport);
        await h.Engine.RunAsync(item, default);
        var ranAt = h.Clock.GetCurrentInstant();
        h.Clock.Advance(Duration.FromMinutes(10));

        var withoutLookAhead = await h.Engine.GetDueWorkAsync(default);
        var tooShort = await h.Engine.GetDueWorkAsync(Duration.FromMinutes(4), default);
        var longEnough = await h.Engine.GetDueWorkAsync(Duration.FromMinutes(5), default);

        Assert.Empty(withoutLookAhead.Upcoming);
        Assert.DoesNotContain(tooShort.Upcoming, u => u.Kind == WorkKind.OrderImport);
        var upcoming = Assert.Single(longEnough.Upcoming, u => u.Kind == WorkKind.OrderImport);
        Assert.Equal(new WorkItem(connection, WorkKind.OrderImport, SyncTrigger.Scheduled, ranAt + Duration.FromMinutes(15)), upcoming);
        Assert.DoesNotContain(longEnough.Due, d => d.Kind == WorkKind.OrderImport);
        Assert.Equal(withoutLookAhead.NextDueAt, longEnough.NextDueAt);
    }

    [Fact]
    public async Task GetDueWork_NegativeLookAhead_IsRefused()
    {
        await using var h = new SyncHarness();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await h.Engine.GetDueWorkAsync(Duration.FromSeconds(-1), default));
    }

    /// <summary>Counts the reads the planner makes.</summary>
    private sealed class CountingScheduleStore(InMemoryWorkScheduleStore schedules) : IWorkScheduleStore
    {
        private int _singleReads;
        private int _batchReads;

        public int SingleReads => Volatile.Read(ref _singleReads);

        public int BatchReads => Volatile.Read(ref _batchReads);

        public void Reset()
        {
            Volatile.Write(ref _singleReads, 0);
            Volatile.Write(ref _batchReads, 0);
        }

        public ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _singleReads);
            return schedules.GetAsync(connection, kind, cancellationToken);
        }

        public ValueTask<IReadOnlyList<WorkSchedule>> GetManyAsync(IReadOnlyCollection<ConnectionId> connections, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _batchReads);
            return schedules.GetManyAsync(connections, cancellationToken);
        }

        public ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken) => schedules.TrySaveAsync(schedule, cancellationToken);
    }
}
