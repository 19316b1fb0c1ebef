using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Alerts;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IAlertSubscriptionStore"/>: derive a test class in the store's test project
/// from the shell that makes each check a test (<see cref="AlertSubscriptionStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.AlertSubscriptionStoreContract</c> for xUnit v3) and supply a fresh, empty
/// store. Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the
/// same storage (a second worker process), so that the optimistic-concurrency checks race two instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class AlertSubscriptionStoreChecks : StoreContract<IAlertSubscriptionStore>
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>An unknown subscription has no entry and no delivery state.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_UnknownId_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("ops", CancellationToken.None));
        Assert.Null(await store.GetStateAsync("ops", CancellationToken.None));
        Assert.Empty(await ToListAsync(store.ListAsync(CancellationToken.None)));
    }

    /// <summary>Saving adds a subscription or replaces the one with the same id; the list comes in id order.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_AddAndReplace_ListsOnePerIdInIdOrder()
    {
        var store = await CreateStoreAsync();
        string[] ids = ["ops", "Billing", "alerts-2", "alerts-10"];
        foreach (var id in ids)
        {
            await store.SaveAsync(Subscription(id), CancellationToken.None);
        }

        await store.SaveAsync(Subscription("ops") with { Name = "Operations, renamed" }, CancellationToken.None);

        var listed = await ToListAsync(store.ListAsync(CancellationToken.None));
        Assert.Equal(ids.Order(StringComparer.Ordinal).ToArray(), listed.Select(s => s.Id).ToArray());
        Assert.Equal("Operations, renamed", (await store.GetAsync("ops", CancellationToken.None))?.Name);
    }

    /// <summary>A new delivery state is saved with a version above zero; each save raises it; a stale one is refused.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveState_StaleVersion_ReturnsNullAndKeepsTheStoredState()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Subscription("ops"), CancellationToken.None);
        var first = await store.TrySaveStateAsync(State("ops", 1), CancellationToken.None);
        Assert.NotNull(first);
        Assert.True(first.Version > 0, $"The saved version is {first.Version}, expected above zero.");
        var second = await store.TrySaveStateAsync(first with { EvaluatedUntil = T0 + Duration.FromMinutes(2) }, CancellationToken.None);
        Assert.NotNull(second);
        Assert.True(second.Version > first.Version, $"Version {second.Version} after {first.Version}, expected it to grow.");

        Assert.Null(await store.TrySaveStateAsync(first with { EvaluatedUntil = T0 + Duration.FromMinutes(9) }, CancellationToken.None));
        Assert.Null(await store.TrySaveStateAsync(State("ops", 7), CancellationToken.None));

        var read = await store.GetStateAsync("ops", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(second.Version, read.Version);
        Assert.Equal(T0 + Duration.FromMinutes(2), read.EvaluatedUntil);
    }

    /// <summary>A delivery state is not saved for a subscription that does not exist.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveState_NoSubscription_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.TrySaveStateAsync(State("ops", 1), CancellationToken.None));
        Assert.Null(await store.GetStateAsync("ops", CancellationToken.None));
    }

    /// <summary>Replacing a subscription keeps its delivery state.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_Replace_KeepsTheDeliveryState()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Subscription("ops"), CancellationToken.None);
        var state = await store.TrySaveStateAsync(State("ops", 1), CancellationToken.None);
        Assert.NotNull(state);

        await store.SaveAsync(Subscription("ops") with { Name = "Renamed" }, CancellationToken.None);

        var read = await store.GetStateAsync("ops", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(state.Version, read.Version);
        Assert.Equal(state.EvaluatedUntil, read.EvaluatedUntil);
    }

    /// <summary>Deleting removes the subscription and its delivery state once; a later state save is refused.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Delete_Subscription_RemovesItAndItsStateOnce()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Subscription("ops"), CancellationToken.None);
        var state = await store.TrySaveStateAsync(State("ops", 1), CancellationToken.None);
        Assert.NotNull(state);

        Assert.True(await store.DeleteAsync("ops", CancellationToken.None));
        Assert.False(await store.DeleteAsync("ops", CancellationToken.None));

        Assert.Null(await store.GetAsync("ops", CancellationToken.None));
        Assert.Null(await store.GetStateAsync("ops", CancellationToken.None));
        Assert.Null(await store.TrySaveStateAsync(state, CancellationToken.None));
        Assert.Null(await store.GetStateAsync("ops", CancellationToken.None));
    }

    /// <summary>Two workers (two store instances over the same storage) saving the same state version at once: exactly one wins.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TrySaveState_TwoInstancesRacingOnOneVersion_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        await store.SaveAsync(Subscription("ops"), CancellationToken.None);
        var current = State("ops", 0);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var read = current;
            var results = await RaceAsync(
                async () => await store.TrySaveStateAsync(read with { EvaluatedUntil = T0 + Duration.FromMinutes((2 * round) + 1) }, CancellationToken.None),
                async () => await other.TrySaveStateAsync(read with { EvaluatedUntil = T0 + Duration.FromMinutes((2 * round) + 2) }, CancellationToken.None));

            var winners = results.Where(r => r is not null).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} writers won version {read.Version}, expected exactly one.");
            current = await other.GetStateAsync("ops", CancellationToken.None) ?? throw new InvalidOperationException("The state vanished.");
            Assert.Equal(winners[0]!.EvaluatedUntil, current.EvaluatedUntil);
        }
    }

    private static AlertSubscription Subscription(string id) => new() { Id = id, Name = "Operations " + id };

    private static AlertDeliveryState State(string id, int minutes) => new()
    {
        SubscriptionId = id,
        SubscribedAt = T0,
        EvaluatedUntil = T0 + Duration.FromMinutes(minutes),
        NextDueAt = T0 + Duration.FromMinutes(minutes + 5),
    };
}
