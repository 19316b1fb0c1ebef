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
    public async Task RunClaimed_LeaseOfAnotherConnection_IsRefusedBeforeAnythingRuns()
    {
        var runner = new ProbeRunner(WorkKind.StockSync);
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(runner));
        var first = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var second = await h.CreateProductiveConnectionAsync("market-2", FeatureKind.Stock);
        var now = h.Clock.GetCurrentInstant();
        var claim = Assert.Single(await h.Engine.ClaimAsync([StockSync(second, now)], 1, default));

        var mismatched = claim with { Item = StockSync(first, now) };

        await Assert.ThrowsAsync<ArgumentException>(async () => await h.Engine.RunAsync(mismatched, default));
        Assert.Empty(runner.Runs);
    }

    private static WorkItem StockSync(ConnectionId connection, Instant dueAt) => new(connection, WorkKind.StockSync, SyncTrigger.Scheduled, dueAt);
}
