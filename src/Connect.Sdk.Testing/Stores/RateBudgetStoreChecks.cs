using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.RateLimits;
using NodaTime;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IRateBudgetStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="RateBudgetStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.RateBudgetStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage (a second process), so that two processes race for one account's budget through two instances.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class RateBudgetStoreChecks : StoreContract<IRateBudgetStore>
{
    private const string Account = "shopify:store-kit.myshopify.com";

    // Instants to the tick, a refill to the nanosecond (Amazon's 0.0167 a second), the units in flight as their refill to
    // the nanosecond: every field must come back exactly.
    private static readonly RateBudgetState First = new(
        Instant.FromUnixTimeTicks(17_799_168_001_234_567),
        Instant.FromUnixTimeTicks(17_799_168_000_000_001),
        Duration.FromNanoseconds(59_880_239_521),
        1)
    {
        InFlightRefill = Duration.FromNanoseconds(179_640_718_563),
    };

    // Two processes' flights and one of no process, their refills to the nanosecond and their leases to the tick.
    private static readonly RateBudgetState WithFlights = First with
    {
        InFlightRefill = Duration.FromNanoseconds(179_640_718_563 + 59_880_239_521 + 1),
        Flights =
        [
            new("9f1c2d3e4b5a69788796a5b4c3d2e1f0", Duration.FromNanoseconds(179_640_718_563), Instant.FromUnixTimeTicks(17_799_168_901_234_567)),
            new("0a1b2c3d4e5f60718293a4b5c6d7e8f9", Duration.FromNanoseconds(59_880_239_521), Instant.FromUnixTimeTicks(17_799_168_601_234_568)),
            new(string.Empty, Duration.FromNanoseconds(1), Instant.FromUnixTimeTicks(17_799_174_001_234_567)),
        ],
    };

    /// <summary>An account never written has no state.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task GetAsync_AccountNeverWritten_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Account, CancellationToken.None));
    }

    /// <summary>The first state of an account is written, and every field reads back exactly, through the other instance too; other accounts stay unwritten.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_FirstStateOfAnAccount_IsWrittenAndEveryFieldReadBackExactly()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        Assert.True(await store.TryReplaceAsync(Account, null, First, CancellationToken.None));

        Assert.Equal(First, await other.GetAsync(Account, CancellationToken.None));
        Assert.Null(await other.GetAsync("shopify:another-shop.myshopify.com", CancellationToken.None));
    }

    /// <summary>A replacement that expects the stored state replaces it.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_FromTheStoredVersion_ReplacesIt()
    {
        var store = await CreateStoreAsync();
        await store.TryReplaceAsync(Account, null, First, CancellationToken.None);
        var next = new RateBudgetState(First.FullAt + Duration.FromSeconds(2), First.FullAt, Duration.FromMilliseconds(400), 2);

        Assert.True(await store.TryReplaceAsync(Account, First, next, CancellationToken.None));

        Assert.Equal(next, await store.GetAsync(Account, CancellationToken.None));
    }

    /// <summary>Two writers replacing one version: only the first wins, and the second sees the winner's state.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_TwoWritersFromOneVersion_OnlyTheFirstWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        await store.TryReplaceAsync(Account, null, First, CancellationToken.None);
        var mine = First with { FullAt = First.FullAt + Duration.FromSeconds(1), Version = 2 };
        var theirs = First with { FullAt = First.FullAt + Duration.FromSeconds(5), Version = 2 };

        Assert.True(await store.TryReplaceAsync(Account, First, mine, CancellationToken.None));
        Assert.False(await other.TryReplaceAsync(Account, First, theirs, CancellationToken.None));

        Assert.Equal(mine, await other.GetAsync(Account, CancellationToken.None));
    }

    /// <summary>Two writers of an account's first state: only the first wins.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_TwoWritersOfAFirstState_OnlyTheFirstWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        Assert.True(await store.TryReplaceAsync(Account, null, First, CancellationToken.None));
        Assert.False(await other.TryReplaceAsync(Account, null, First with { RefillPerUnit = Duration.FromSeconds(9) }, CancellationToken.None));

        Assert.Equal(First, await store.GetAsync(Account, CancellationToken.None));
    }

    /// <summary>A replacement that expects a state the account does not have is refused and writes nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_ExpectingAStateThatIsNotThere_IsRefused()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.TryReplaceAsync(Account, First, First with { Version = 2 }, CancellationToken.None));

        Assert.Null(await store.GetAsync(Account, CancellationToken.None));
    }

    /// <summary>
    /// The store keeps the flights, units in flight by process with their leases: every flight reads back exactly and in
    /// order through the other instance, the one of no process (empty owner) too.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_StateWithFlights_EveryFlightReadBackExactlyInOrder()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        Assert.True(store.KeepsFlights, "The store says it keeps no flights (IRateBudgetStore.KeepsFlights): units in flight of a process that stopped then come back only after the account has been quiet for 10 minutes. See docs/storage.md.");

        Assert.True(await store.TryReplaceAsync(Account, null, WithFlights, CancellationToken.None));

        Assert.Equal(WithFlights, await other.GetAsync(Account, CancellationToken.None));
    }

    /// <summary>
    /// A flight left out of a replacement (its process stopped and its lease ran out) is gone, and a state without
    /// flights reads back with none.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_FlightLeftOut_IsGoneAfterTheReplacement()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        await store.TryReplaceAsync(Account, null, WithFlights, CancellationToken.None);
        var survivor = WithFlights.Flights[1];
        var withoutTheStopped = WithFlights with { Version = 2, InFlightRefill = survivor.Refill, Flights = [survivor] };
        var withoutAny = WithFlights with { Version = 3, InFlightRefill = Duration.Zero, Flights = [] };

        Assert.True(await other.TryReplaceAsync(Account, WithFlights, withoutTheStopped, CancellationToken.None));
        Assert.Equal(withoutTheStopped, await store.GetAsync(Account, CancellationToken.None));
        Assert.True(await store.TryReplaceAsync(Account, withoutTheStopped, withoutAny, CancellationToken.None));

        Assert.Empty((await other.GetAsync(Account, CancellationToken.None))!.Flights);
    }

    /// <summary>A replacement whose version is not the next one is a caller's bug: it throws.</summary>
    /// <param name="version">A version other than 1, the next after none.</param>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryReplaceAsync_VersionNotTheNextOne_IsRefusedAsABug(long version)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(Account, null, First with { Version = version }, CancellationToken.None).AsTask());
    }
}
