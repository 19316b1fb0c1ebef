using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IWorkScheduleStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="WorkScheduleStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.WorkScheduleStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage (a second worker process), so that the optimistic-concurrency checks race two instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class WorkScheduleStoreChecks : StoreContract<IWorkScheduleStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>Reading a schedule never stored returns a fresh state: version zero, never run, nothing requested.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NothingStored_ReturnsAFreshState()
    {
        var store = await CreateStoreAsync();

        var schedule = await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None);

        Assert.Equal(Shop, schedule.Connection);
        Assert.Equal(WorkKind.StockSync, schedule.Kind);
        Assert.Equal(0, schedule.Version);
        Assert.Null(schedule.LastScheduledRunAt);
        Assert.Empty(schedule.Requests);
    }

    /// <summary>A saved state reads back with its new, greater version and its data.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_FreshState_StoresItWithAGreaterVersion()
    {
        var store = await CreateStoreAsync();
        var fresh = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);

        var saved = await store.TrySaveAsync(Changed(fresh, 1), CancellationToken.None);
        var read = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.True(saved.Version > fresh.Version, $"Saved version {saved.Version}, expected above {fresh.Version}.");
        Assert.Equal(saved.Version, read.Version);
        Assert.Equal(T0 + Duration.FromMinutes(1), read.LastScheduledRunAt);
        Assert.Equal(T0, Assert.Contains(SyncTrigger.Manual, read.Requests));
    }

    /// <summary>A pause reads back with its instant and the connection's version, and a save without it lifts it.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_Pause_ReadsBackAndCanBeLifted()
    {
        var store = await CreateStoreAsync();
        var fresh = await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None);

        var paused = await store.TrySaveAsync(Changed(fresh, 1) with { Pause = new WorkPause(T0, 7) }, CancellationToken.None);
        var read = await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None);
        Assert.NotNull(paused);
        Assert.Equal(new WorkPause(T0, 7), read.Pause);

        Assert.NotNull(await store.TrySaveAsync(read with { Pause = null }, CancellationToken.None));
        Assert.Null((await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None)).Pause);
    }

    /// <summary>Every save gives the state a greater version than the one before.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_CurrentVersion_VersionGrows()
    {
        var store = await CreateStoreAsync();
        var current = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);

        for (var i = 1; i <= 5; i++)
        {
            var next = await store.TrySaveAsync(Changed(current, i), CancellationToken.None);
            Assert.NotNull(next);
            Assert.True(next.Version > current.Version, $"Save {i}: version {next.Version} after {current.Version}, expected it to grow.");
            current = next;
        }
    }

    /// <summary>Saving a state read before another writer saved it is refused and leaves the stored state alone.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_StaleVersion_ReturnsNullAndKeepsTheStoredState()
    {
        var store = await CreateStoreAsync();
        var fresh = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);
        var first = await store.TrySaveAsync(Changed(fresh, 1), CancellationToken.None);
        Assert.NotNull(first);

        var staleFresh = await store.TrySaveAsync(Changed(fresh, 2), CancellationToken.None);
        var winner = await store.TrySaveAsync(Changed(first, 3), CancellationToken.None);
        var staleFirst = await store.TrySaveAsync(Changed(first, 4), CancellationToken.None);
        var read = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);

        Assert.Null(staleFresh);
        Assert.NotNull(winner);
        Assert.Null(staleFirst);
        Assert.Equal(winner.Version, read.Version);
        Assert.Equal(T0 + Duration.FromMinutes(3), read.LastScheduledRunAt);
    }

    /// <summary>A version the store never handed out (ahead of the stored one) is refused and stores nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_VersionAheadOfTheStoredOne_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        var fresh = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);

        var ahead = await store.TrySaveAsync(Changed(fresh, 1) with { Version = 3 }, CancellationToken.None);
        var read = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);

        Assert.Null(ahead);
        Assert.Equal(0, read.Version);
        Assert.Null(read.LastScheduledRunAt);
        var saved = await store.TrySaveAsync(Changed(fresh, 1), CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Null(await store.TrySaveAsync(Changed(saved, 2) with { Version = saved.Version + 1 }, CancellationToken.None));
    }

    /// <summary>The states of different kinds of work and different connections are kept apart.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_OneKind_LeavesOtherKindsAndConnectionsFresh()
    {
        var store = await CreateStoreAsync();
        var fresh = await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None);
        Assert.NotNull(await store.TrySaveAsync(Changed(fresh, 1), CancellationToken.None));

        var otherKind = await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None);
        var otherShop = await store.GetAsync(new ConnectionId("store-kit-other"), WorkKind.OrderImport, CancellationToken.None);

        Assert.Equal(0, otherKind.Version);
        Assert.Null(otherKind.LastScheduledRunAt);
        Assert.Equal(0, otherShop.Version);
        Assert.Null(otherShop.LastScheduledRunAt);
        Assert.NotNull(await store.TrySaveAsync(Changed(otherKind, 2), CancellationToken.None));
    }

    /// <summary>Two writers (two store instances over the same storage) saving the same version at once: exactly one wins.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var read = await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None);
            var results = await RaceAsync(
                async () => await store.TrySaveAsync(Changed(read, (2 * round) + 1), CancellationToken.None),
                async () => await other.TrySaveAsync(Changed(read, (2 * round) + 2), CancellationToken.None));

            var winners = results.Where(r => r is not null).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} writers won version {read.Version}, expected exactly one.");
            var stored = await other.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None);
            Assert.Equal(winners[0]!.LastScheduledRunAt, stored.LastScheduledRunAt);
            Assert.Equal(winners[0]!.Version, stored.Version);
        }
    }

    /// <summary>
    /// The batch read returns the stored states of the connections asked for, each whole (requests and pause with it), and
    /// nothing of other connections; a kind never saved is left out (it is fresh).
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task GetMany_SeveralConnections_ReturnsTheirStoredStatesWhole()
    {
        var store = await CreateStoreAsync();
        var other = new ConnectionId("store-kit-other");
        var notAsked = new ConnectionId("store-kit-not-asked");
        var twoRequests = Changed(await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None), 1) with
        {
            Requests = new Dictionary<SyncTrigger, Instant> { [SyncTrigger.Manual] = T0, [SyncTrigger.Event] = T0 + Duration.FromSeconds(5) },
        };
        var ordersSaved = await store.TrySaveAsync(twoRequests, CancellationToken.None);
        var stockSaved = await store.TrySaveAsync((await store.GetAsync(Shop, WorkKind.StockSync, CancellationToken.None)) with { Pause = new WorkPause(T0, 3) }, CancellationToken.None);
        var otherSaved = await store.TrySaveAsync(Changed(await store.GetAsync(other, WorkKind.OrderImport, CancellationToken.None), 2), CancellationToken.None);
        Assert.NotNull(await store.TrySaveAsync(Changed(await store.GetAsync(notAsked, WorkKind.OrderImport, CancellationToken.None), 3), CancellationToken.None));

        var read = await store.GetManyAsync([Shop, other, new ConnectionId("store-kit-never-saved")], CancellationToken.None);

        Assert.Equal(3, read.Count);
        var orders = Assert.Single(read, s => s.Connection == Shop && s.Kind == WorkKind.OrderImport);
        Assert.Equal(ordersSaved!.Version, orders.Version);
        Assert.Equal(T0 + Duration.FromMinutes(1), orders.LastScheduledRunAt);
        Assert.Equal(2, orders.Requests.Count);
        Assert.Equal(T0 + Duration.FromSeconds(5), orders.Requests[SyncTrigger.Event]);
        Assert.Null(orders.Pause);
        var stock = Assert.Single(read, s => s.Connection == Shop && s.Kind == WorkKind.StockSync);
        Assert.Equal(stockSaved!.Version, stock.Version);
        Assert.Equal(new WorkPause(T0, 3), stock.Pause);
        Assert.Empty(stock.Requests);
        var otherOrders = Assert.Single(read, s => s.Connection == other);
        Assert.Equal(otherSaved!.Version, otherOrders.Version);
        Assert.Equal(T0, Assert.Contains(SyncTrigger.Manual, otherOrders.Requests));
    }

    /// <summary>The batch read of no connections, or of connections never saved, returns nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task GetMany_NothingStoredForThem_ReturnsNothing()
    {
        var store = await CreateStoreAsync();
        Assert.NotNull(await store.TrySaveAsync(Changed(await store.GetAsync(Shop, WorkKind.OrderImport, CancellationToken.None), 1), CancellationToken.None));

        Assert.Empty(await store.GetManyAsync([], CancellationToken.None));
        Assert.Empty(await store.GetManyAsync([new ConnectionId("store-kit-never-saved")], CancellationToken.None));
    }

    private static WorkSchedule Changed(WorkSchedule schedule, int minutes) => schedule with
    {
        LastScheduledRunAt = T0 + Duration.FromMinutes(minutes),
        Requests = new Dictionary<SyncTrigger, Instant> { [SyncTrigger.Manual] = T0 },
    };
}
