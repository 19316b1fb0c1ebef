using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IConnectionStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="ConnectionStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.ConnectionStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage (a second worker process), so that the optimistic-concurrency checks race two instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ConnectionStoreChecks : StoreContract<IConnectionStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>Reading an unknown connection returns nothing, and its history is empty.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_UnknownConnection_ReturnsNullAndAnEmptyHistory()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Shop, CancellationToken.None));
        Assert.Empty(await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None)));
    }

    /// <summary>A new connection is stored with a version above zero, together with its first history entries.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryCreate_NewConnection_StoresItWithItsHistory()
    {
        var store = await CreateStoreAsync();
        var created = Transition(Shop, LifecycleChange.Created, 0);
        var settings = Transition(Shop, LifecycleChange.SettingsChanged, 1);

        var stored = await store.TryCreateAsync(New(Shop), [created, settings], CancellationToken.None);
        var read = await store.GetAsync(Shop, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.True(stored.Version > 0, $"The stored version is {stored.Version}, expected above zero.");
        Assert.Equal(stored, read);
        Assert.Equal("Store kit shop", read!.Name);
        Assert.Equal([created, settings], await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None)));
    }

    /// <summary>Creating a connection whose id exists is refused and changes neither it nor its history.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryCreate_ExistingId_ReturnsNullAndChangesNothing()
    {
        var store = await CreateStoreAsync();
        var created = Transition(Shop, LifecycleChange.Created, 0);
        var stored = await store.TryCreateAsync(New(Shop), [created], CancellationToken.None);
        Assert.NotNull(stored);

        var again = await store.TryCreateAsync(New(Shop) with { Name = "Impostor" }, [Transition(Shop, LifecycleChange.Created, 5)], CancellationToken.None);

        Assert.Null(again);
        Assert.Equal(stored, await store.GetAsync(Shop, CancellationToken.None));
        Assert.Equal([created], await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None)));
    }

    /// <summary>Saving a connection at its current version stores it with a greater version and appends its history entries in order.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_CurrentVersion_VersionGrowsAndHistoryIsAppended()
    {
        var store = await CreateStoreAsync();
        var created = Transition(Shop, LifecycleChange.Created, 0);
        var current = await store.TryCreateAsync(New(Shop), [created], CancellationToken.None);
        var expectedHistory = new List<LifecycleTransition> { created };

        for (var i = 1; i <= 4; i++)
        {
            Assert.NotNull(current);
            LifecycleTransition[] transitions = [Transition(Shop, LifecycleChange.SettingsChanged, i), Transition(Shop, LifecycleChange.ImportModeChanged, i)];
            var saved = await store.TrySaveAsync(current with { Name = "Renamed " + i, ImportMode = i % 2 == 0 ? ImportMode.Demo : ImportMode.Automatic }, transitions, CancellationToken.None);
            Assert.NotNull(saved);
            Assert.True(saved.Version > current.Version, $"Save {i}: version {saved.Version} after {current.Version}, expected it to grow.");
            expectedHistory.AddRange(transitions);
            current = saved;
        }

        Assert.Equal(current, await store.GetAsync(Shop, CancellationToken.None));
        Assert.Equal(expectedHistory, await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None)));
    }

    /// <summary>A save with a stale version is refused: neither the connection nor its history changes.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_StaleVersion_ReturnsNullAndChangesNeitherConnectionNorHistory()
    {
        var store = await CreateStoreAsync();
        var created = Transition(Shop, LifecycleChange.Created, 0);
        var first = await store.TryCreateAsync(New(Shop), [created], CancellationToken.None);
        Assert.NotNull(first);
        var winning = Transition(Shop, LifecycleChange.ProductiveOn, 1);
        var winner = await store.TrySaveAsync(first with { IsProductive = true }, [winning], CancellationToken.None);
        Assert.NotNull(winner);

        var stale = await store.TrySaveAsync(first with { Name = "Loser" }, [Transition(Shop, LifecycleChange.SettingsChanged, 2)], CancellationToken.None);

        Assert.Null(stale);
        Assert.Equal(winner, await store.GetAsync(Shop, CancellationToken.None));
        Assert.Equal([created, winning], await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None)));
    }

    /// <summary>Saving a connection that was never created is refused and creates nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_UnknownConnection_ReturnsNullAndCreatesNothing()
    {
        var store = await CreateStoreAsync();

        var saved = await store.TrySaveAsync(New(Shop) with { Version = 1 }, [Transition(Shop, LifecycleChange.SettingsChanged, 1)], CancellationToken.None);

        Assert.Null(saved);
        Assert.Null(await store.GetAsync(Shop, CancellationToken.None));
        Assert.Empty(await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None)));
    }

    /// <summary>Every connection is listed, in id order (ordinal), and each connection's history is its own.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task List_SeveralConnections_ReturnsThemInIdOrder()
    {
        var store = await CreateStoreAsync();
        string[] ids = ["shop-b", "Shop-Z", "shop-a", "shop-10", "shop-2", "ALPHA"];
        foreach (var id in ids)
        {
            var connection = new ConnectionId(id);
            Assert.NotNull(await store.TryCreateAsync(New(connection), [Transition(connection, LifecycleChange.Created, 0)], CancellationToken.None));
        }

        var listed = await ToListAsync(store.ListAsync(CancellationToken.None));

        Assert.Equal(ids.Order(StringComparer.Ordinal).ToArray(), listed.Select(c => c.Id.Value).ToArray());
        foreach (var id in ids)
        {
            var history = await ToListAsync(store.GetHistoryAsync(new ConnectionId(id), CancellationToken.None));
            Assert.Equal(new ConnectionId(id), Assert.Single(history).ConnectionId);
        }
    }

    /// <summary>
    /// Two writers (two store instances over the same storage) saving the same version at once: exactly one wins, and
    /// only the winner's history entry is stored.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySave_TwoInstancesRacingOnOneVersion_ExactlyOneWinsWithItsHistory()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var current = await store.TryCreateAsync(New(Shop), [Transition(Shop, LifecycleChange.Created, 0)], CancellationToken.None);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            Assert.NotNull(current);
            var read = current;
            var a = Transition(Shop, LifecycleChange.SettingsChanged, round, "A");
            var b = Transition(Shop, LifecycleChange.SettingsChanged, round, "B");
            var results = await RaceAsync(
                async () => await store.TrySaveAsync(read with { Name = "A" + round }, [a], CancellationToken.None),
                async () => await other.TrySaveAsync(read with { Name = "B" + round }, [b], CancellationToken.None));

            var winners = results.Where(r => r is not null).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} writers won version {read.Version}, expected exactly one.");
            current = await other.GetAsync(Shop, CancellationToken.None);
            Assert.Equal(winners[0], current);
        }

        var history = await ToListAsync(store.GetHistoryAsync(Shop, CancellationToken.None));
        Assert.Equal(ConcurrencyRounds + 1, history.Count);
    }

    private static Connection New(ConnectionId id) => new()
    {
        Id = id,
        ConnectorId = new ConnectorId("storekit"),
        Name = "Store kit shop",
        CreatedAt = T0,
        FeatureModes = new Dictionary<FeatureKind, FeatureMode> { [FeatureKind.Orders] = FeatureMode.Integration },
    };

    private static LifecycleTransition Transition(ConnectionId id, LifecycleChange change, int minutes, string? detail = null) =>
        new(id, T0 + Duration.FromMinutes(minutes), Actor.System, change, null, "before", "after", detail);
}
