using Connect.Sdk.Features;
using Connect.Sdk.Sync;
using Connect.Sdk.TestSupport;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// Scheduled work that never ran is due since its connection was created, not at each plan's "now": it keeps its place
/// in the due order from plan to plan, so a new connection's first scheduled order import cannot starve behind a backlog
/// of work due earlier (the scaling proof saw bookings stall with 200 connections syncing stock every 10 seconds on one
/// worker before this held).
/// </summary>
public sealed class NeverRunScheduledWorkTests
{
    [Fact]
    public async Task GetDueWork_ScheduledWorkThatNeverRan_KeepsItsDueTimeFromPlanToPlan()
    {
        await using var h = new SyncHarness();
        await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);

        var first = await h.Engine.GetDueWorkAsync(default);
        h.Clock.Advance(Duration.FromMinutes(1));
        var later = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(
            Assert.Single(first.Due, d => d.Kind == WorkKind.OrderImport).DueAt,
            Assert.Single(later.Due, d => d.Kind == WorkKind.OrderImport).DueAt);
    }

    [Fact]
    public async Task GetDueWork_TwoConnectionsThatNeverRan_TheOlderComesFirst()
    {
        await using var h = new SyncHarness();
        await h.CreateProductiveConnectionAsync("market-b", FeatureKind.Orders);
        h.Clock.Advance(Duration.FromMinutes(1));
        await h.CreateProductiveConnectionAsync("market-a", FeatureKind.Orders);
        h.Clock.Advance(Duration.FromMinutes(1));

        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(
            ["market-b", "market-a"],
            plan.Due.Where(d => d.Kind == WorkKind.OrderImport).Select(d => d.Connection.Value));
    }
}
