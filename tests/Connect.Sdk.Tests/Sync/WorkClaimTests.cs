using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>The engine claims due work for its worker in one call, and runs a claim under the lease it was claimed with.</summary>
public sealed class WorkClaimTests
{
    private static readonly Duration TenMinutes = Duration.FromMinutes(10);

    [Fact]
    public async Task Claim_ConnectionAnotherWorkerHolds_IsSkippedForTheNextConnection()
    {
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(new ProbeRunner(WorkKind.StockSync)));
        var first = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var second = await h.CreateProductiveConnectionAsync("market-2", FeatureKind.Stock);
        var now = h.Clock.GetCurrentInstant();
        Assert.NotNull(await h.Get<IWorkLeaseStore>().TryAcquireAsync("connection:market-1", "other-worker", now, TenMinutes, default));

        var claims = await h.Engine.ClaimAsync([StockSync(first, now), StockSync(second, now)], 1, default);

        var claim = Assert.Single(claims);
        Assert.Equal(second, claim.Item.Connection);
        Assert.Equal("connection:market-2", claim.Lease.Key);
    }

    [Fact]
    public async Task Claim_SeveralItemsOfOneConnection_ClaimsTheFirstOnly()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var plan = await h.Engine.GetDueWorkAsync(default);
        Assert.Equal(2, plan.Due.Count(item => item.Connection == connection));

        var claims = await h.Engine.ClaimAsync(plan.Due, 5, default);

        Assert.Equal(plan.Due[0], Assert.Single(claims).Item);
    }

    [Fact]
    public async Task Claim_ItemAnotherWorkerRanSinceItWasPlanned_IsNotClaimedAndItsLeaseIsGivenBack()
    {
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(new ProbeRunner(WorkKind.StockSync)));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var item = (await h.Engine.GetDueWorkAsync(default)).Due.Single(d => d.Kind == WorkKind.StockSync);
        Assert.Equal(WorkRunOutcome.Completed, (await h.Engine.RunAsync(item, default)).Outcome);

        var claims = await h.Engine.ClaimAsync([item], 1, default);

        Assert.Empty(claims);
        Assert.NotNull(await h.Get<IWorkLeaseStore>().TryAcquireAsync("connection:market-1", "other-worker", h.Clock.GetCurrentInstant(), TenMinutes, default));
        Assert.Equal(connection, item.Connection);
    }

    [Fact]
    public async Task RunClaimed_HoldsTheClaimedLeaseWhileItRuns_AndReleasesItAtTheEnd()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new ProbeRunner(WorkKind.StockSync) { Hold = release.Task };
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(runner));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var leases = h.Get<IWorkLeaseStore>();
        var item = StockSync(connection, h.Clock.GetCurrentInstant());
        var claim = Assert.Single(await h.Engine.ClaimAsync([item], 1, default));

        var run = h.Engine.RunAsync(claim, default).AsTask();
        await runner.Started.Task;
        var whileRunning = await leases.TryAcquireAsync(claim.Lease.Key, "other-worker", h.Clock.GetCurrentInstant(), TenMinutes, default);
        release.SetResult();
        var result = await run;

        Assert.Null(whileRunning);
        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal([item], runner.Runs);
        Assert.Null(await leases.TryRenewAsync(claim.Lease, h.Clock.GetCurrentInstant(), TenMinutes, default));
        var after = await leases.TryAcquireAsync(claim.Lease.Key, "other-worker", h.Clock.GetCurrentInstant(), TenMinutes, default);
        Assert.NotNull(after);
        Assert.True(after.Token > claim.Lease.Token);
    }

    [Fact]
    public void WorkClaim_OutsideTheEngine_CannotBeBuiltOrCopiedWithAnotherItem()
    {
        // A claim vouches that the engine checked, under its lease, that its item is still due: no public constructor,
        // and no record copy (its compiler-made clone method) to swap the item of a claim for another.
        Assert.Empty(typeof(WorkClaim).GetConstructors());
        Assert.Null(typeof(WorkClaim).GetMethod("<Clone>$"));
    }

    [Fact]
    public async Task Claim_BreaksOffAndAReleaseFails_ReleasesTheOtherLeasesAndRethrowsTheOriginalException()
    {
        var schedules = new BreakableScheduleStore(new InMemoryWorkScheduleStore());
        await using var h = new SyncHarness(s => s
            .AddSingleton<IWorkScheduleStore>(schedules)
            .AddSingleton<IWorkLeaseStore>(sp => new ReleaseRefusingLeaseStore(sp.GetRequiredService<InMemoryWorkLeaseStore>(), "connection:market-1")));
        var first = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var second = await h.CreateProductiveConnectionAsync("market-2", FeatureKind.Stock);
        var now = h.Clock.GetCurrentInstant();
        schedules.Broken = true;

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () => await h.Engine.ClaimAsync([StockSync(first, now), StockSync(second, now)], 2, default));

        Assert.Equal("The schedules are unreachable.", thrown.Message);
        Assert.NotNull(await h.Get<InMemoryWorkLeaseStore>().TryAcquireAsync("connection:market-2", "other-worker", now, TenMinutes, default));
    }

    private static WorkItem StockSync(ConnectionId connection, Instant dueAt) => new(connection, WorkKind.StockSync, SyncTrigger.Scheduled, dueAt);

    /// <summary>Schedules that become unreachable when the test says so.</summary>
    private sealed class BreakableScheduleStore(InMemoryWorkScheduleStore schedules) : IWorkScheduleStore
    {
        public bool Broken { get; set; }

        public ValueTask<WorkSchedule> GetAsync(ConnectionId connection, WorkKind kind, CancellationToken cancellationToken) =>
            Broken ? throw new InvalidOperationException("The schedules are unreachable.") : schedules.GetAsync(connection, kind, cancellationToken);

        public ValueTask<WorkSchedule?> TrySaveAsync(WorkSchedule schedule, CancellationToken cancellationToken) => schedules.TrySaveAsync(schedule, cancellationToken);
    }

    /// <summary>Leases whose release of one key fails.</summary>
    private sealed class ReleaseRefusingLeaseStore(InMemoryWorkLeaseStore leases, string refusedKey) : IWorkLeaseStore
    {
        public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken) =>
            leases.TryAcquireAsync(key, owner, now, duration, cancellationToken);

        public ValueTask<IReadOnlyList<WorkLease>> TryClaimAsync(IReadOnlyList<string> keys, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken) =>
            leases.TryClaimAsync(keys, limit, owner, now, duration, cancellationToken);

        public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken) =>
            leases.TryRenewAsync(lease, now, duration, cancellationToken);

        public ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) =>
            lease.Key == refusedKey ? throw new IOException("The lease store is unreachable.") : leases.ReleaseAsync(lease, cancellationToken);
    }
}
