using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IWorkLeaseStore"/>: derive a test class in the store's test project from the
/// shell that makes each check a test (<see cref="WorkLeaseStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.WorkLeaseStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage (a second worker process), so that two workers race for one key through two instances. Time is given as
/// instants; no clock is needed.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class WorkLeaseStoreChecks : StoreContract<IWorkLeaseStore>
{
    private const string Key = "store-kit-shop";
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>A free key is leased to the claiming owner until the given duration has passed.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_FreeKey_ReturnsALeaseExpiringAfterTheDuration()
    {
        var store = await CreateStoreAsync();

        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);

        Assert.NotNull(lease);
        Assert.Equal(Key, lease.Key);
        Assert.Equal("worker-a", lease.Owner);
        Assert.Equal(T0 + (5 * Minute), lease.ExpiresAt);
    }

    /// <summary>While a lease holds, another owner cannot claim the key, up to the last moment before it expires.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_HeldAndUnexpired_IsRefusedForAnotherOwner()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);

        Assert.Null(await other.TryAcquireAsync(Key, "worker-b", T0, 5 * Minute, CancellationToken.None));
        Assert.Null(await other.TryAcquireAsync(Key, "worker-b", T0 + (4 * Minute), 5 * Minute, CancellationToken.None));
        Assert.Null(await other.TryAcquireAsync(Key, "worker-b", lease.ExpiresAt - Duration.Epsilon, 5 * Minute, CancellationToken.None));
    }

    /// <summary>A lease lapses at its expiry instant: from then on another owner gets the key.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_AtTheExpiryInstant_SucceedsForAnotherOwner()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);

        var taken = await other.TryAcquireAsync(Key, "worker-b", lease.ExpiresAt, 5 * Minute, CancellationToken.None);

        Assert.NotNull(taken);
        Assert.Equal("worker-b", taken.Owner);
        Assert.Equal(lease.ExpiresAt + (5 * Minute), taken.ExpiresAt);
    }

    /// <summary>Leases on different keys do not block each other.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_DifferentKeys_BothSucceed()
    {
        var store = await CreateStoreAsync();

        Assert.NotNull(await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None));
        Assert.NotNull(await store.TryAcquireAsync(Key + "-2", "worker-b", T0, 5 * Minute, CancellationToken.None));
    }

    /// <summary>Every new acquisition of a key gets a greater token than the one before, whoever the owner is.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_AfterReleaseOrExpiry_GetsAGreaterToken()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var first = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(first);
        await store.ReleaseAsync(first, CancellationToken.None);

        var second = await other.TryAcquireAsync(Key, "worker-a", T0 + Minute, 5 * Minute, CancellationToken.None);
        Assert.NotNull(second);
        var third = await store.TryAcquireAsync(Key, "worker-b", second.ExpiresAt, 5 * Minute, CancellationToken.None);
        Assert.NotNull(third);

        Assert.True(second.Token > first.Token, $"Token {second.Token} after {first.Token}, expected it to grow.");
        Assert.True(third.Token > second.Token, $"Token {third.Token} after {second.Token}, expected it to grow.");
    }

    /// <summary>A released key is free at once, before the lease would have expired.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Release_HeldLease_FreesTheKey()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);

        await store.ReleaseAsync(lease, CancellationToken.None);

        Assert.NotNull(await other.TryAcquireAsync(Key, "worker-b", T0 + Minute, 5 * Minute, CancellationToken.None));
    }

    /// <summary>Renewing a held lease moves its expiry to the new duration from now, and keeps others out until then.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRenew_HeldLease_ExtendsTheExpiry()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);

        var renewed = await store.TryRenewAsync(lease, T0 + (4 * Minute), 5 * Minute, CancellationToken.None);

        Assert.NotNull(renewed);
        Assert.Equal(Key, renewed.Key);
        Assert.Equal("worker-a", renewed.Owner);
        Assert.Equal(T0 + (9 * Minute), renewed.ExpiresAt);
        Assert.Null(await other.TryAcquireAsync(Key, "worker-b", T0 + (8 * Minute), 5 * Minute, CancellationToken.None));
        Assert.NotNull(await other.TryAcquireAsync(Key, "worker-b", T0 + (9 * Minute), 5 * Minute, CancellationToken.None));
    }

    /// <summary>A renewed lease, as the renewal returned it, still releases the key.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Release_RenewedLease_FreesTheKey()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);
        var renewed = await store.TryRenewAsync(lease, T0 + Minute, 5 * Minute, CancellationToken.None);
        Assert.NotNull(renewed);

        await store.ReleaseAsync(renewed, CancellationToken.None);

        Assert.NotNull(await other.TryAcquireAsync(Key, "worker-b", T0 + (2 * Minute), 5 * Minute, CancellationToken.None));
    }

    /// <summary>A released lease cannot be renewed.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRenew_ReleasedLease_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);
        await store.ReleaseAsync(lease, CancellationToken.None);

        Assert.Null(await store.TryRenewAsync(lease, T0 + Minute, 5 * Minute, CancellationToken.None));
    }

    /// <summary>A lease that expired and was taken by another worker is lost: it cannot be renewed, and the new holder keeps the key.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryRenew_LostLease_ReturnsNullAndLeavesTheNewHolder()
    {
        var (store, other, lost, taken) = await LoseLeaseToAnotherWorkerAsync();

        var renewed = await store.TryRenewAsync(lost, T0 + (7 * Minute), 5 * Minute, CancellationToken.None);

        Assert.Null(renewed);
        Assert.NotEqual(lost.Token, taken.Token);
        Assert.Null(await store.TryAcquireAsync(Key, "worker-c", T0 + (10 * Minute), 5 * Minute, CancellationToken.None));
        Assert.NotNull(await other.TryRenewAsync(taken, T0 + (10 * Minute), 5 * Minute, CancellationToken.None));
    }

    /// <summary>Releasing a lost lease does nothing: the new holder keeps the key.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Release_LostLease_LeavesTheNewHolder()
    {
        var (store, other, lost, taken) = await LoseLeaseToAnotherWorkerAsync();

        await store.ReleaseAsync(lost, CancellationToken.None);

        Assert.Null(await store.TryAcquireAsync(Key, "worker-c", T0 + (7 * Minute), 5 * Minute, CancellationToken.None));
        Assert.NotNull(await other.TryRenewAsync(taken, T0 + (7 * Minute), 5 * Minute, CancellationToken.None));
    }

    /// <summary>Releasing a lease twice, or one no longer held, completes without error.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Release_Twice_DoesNothingTheSecondTime()
    {
        var store = await CreateStoreAsync();
        var lease = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lease);

        await store.ReleaseAsync(lease, CancellationToken.None);
        await store.ReleaseAsync(lease, CancellationToken.None);

        Assert.NotNull(await store.TryAcquireAsync(Key, "worker-b", T0, 5 * Minute, CancellationToken.None));
    }

    /// <summary>Two workers on two instances claiming a free key at once: exactly one gets it, every time.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_TwoInstancesRacingForAFreeKey_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var key = Key + "-" + round;
            var results = await RaceAsync(
                async () => await store.TryAcquireAsync(key, "worker-a", T0, 5 * Minute, CancellationToken.None),
                async () => await other.TryAcquireAsync(key, "worker-b", T0, 5 * Minute, CancellationToken.None));

            Assert.True(results.Count(r => r is not null) == 1, $"Round {round}: {results.Count(r => r is not null)} workers got the key, expected exactly one.");
        }
    }

    /// <summary>
    /// Two workers on two instances claiming an expired key at once: exactly one takes it over, every time.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryAcquire_TwoInstancesRacingForAnExpiredKey_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var now = T0;
        Assert.NotNull(await store.TryAcquireAsync(Key, "worker-0", now, Minute, CancellationToken.None));

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            now += Minute;
            var at = now;
            var results = await RaceAsync(
                async () => await store.TryAcquireAsync(Key, "worker-a", at, Minute, CancellationToken.None),
                async () => await other.TryAcquireAsync(Key, "worker-b", at, Minute, CancellationToken.None));

            Assert.True(results.Count(r => r is not null) == 1, $"Round {round}: {results.Count(r => r is not null)} workers took the expired key over, expected exactly one.");
        }
    }

    /// <summary>A claim takes free keys in the order given, up to its limit; the keys beyond it stay free.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryClaim_FreeKeys_ClaimsUpToTheLimitInTheOrderGiven()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        var claimed = await store.TryClaimAsync([Key + "-1", Key + "-2", Key + "-3"], 2, "worker-a", T0, 5 * Minute, CancellationToken.None);

        Assert.Equal([Key + "-1", Key + "-2"], claimed.Select(lease => lease.Key));
        Assert.All(claimed, lease => Assert.Equal("worker-a", lease.Owner));
        Assert.All(claimed, lease => Assert.Equal(T0 + (5 * Minute), lease.ExpiresAt));
        Assert.Null(await other.TryAcquireAsync(Key + "-2", "worker-b", T0 + Minute, 5 * Minute, CancellationToken.None));
        Assert.NotNull(await other.TryAcquireAsync(Key + "-3", "worker-b", T0 + Minute, 5 * Minute, CancellationToken.None));
    }

    /// <summary>
    /// A key another worker holds, or the claiming worker itself, is skipped for the next one; a key given twice is
    /// claimed once, and a claim with a limit of zero claims nothing.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryClaim_HeldKey_IsSkippedForTheNextKey()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        Assert.NotNull(await store.TryAcquireAsync(Key + "-1", "worker-a", T0, 5 * Minute, CancellationToken.None));
        Assert.NotNull(await other.TryAcquireAsync(Key + "-2", "worker-b", T0, 5 * Minute, CancellationToken.None));

        Assert.Empty(await other.TryClaimAsync([Key + "-3"], 0, "worker-b", T0, 5 * Minute, CancellationToken.None));
        var claimed = await other.TryClaimAsync([Key + "-1", Key + "-2", Key + "-3", Key + "-3", Key + "-4"], 5, "worker-b", T0 + (4 * Minute), 5 * Minute, CancellationToken.None);

        Assert.Equal([Key + "-3", Key + "-4"], claimed.Select(lease => lease.Key));
    }

    /// <summary>A lease lapses at its expiry instant for a claim as for an acquisition: the claim takes it over with a greater token.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryClaim_ExpiredLease_IsClaimedWithAGreaterToken()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var expired = await store.TryAcquireAsync(Key, "worker-a", T0, Minute, CancellationToken.None);
        Assert.NotNull(expired);

        Assert.Empty(await other.TryClaimAsync([Key], 1, "worker-b", expired.ExpiresAt - Duration.Epsilon, 5 * Minute, CancellationToken.None));
        var claimed = Assert.Single(await other.TryClaimAsync([Key], 1, "worker-b", expired.ExpiresAt, 5 * Minute, CancellationToken.None));

        Assert.Equal("worker-b", claimed.Owner);
        Assert.Equal(expired.ExpiresAt + (5 * Minute), claimed.ExpiresAt);
        Assert.True(claimed.Token > expired.Token, $"Token {claimed.Token} after {expired.Token}, expected it to grow.");
        Assert.Null(await store.TryRenewAsync(expired, expired.ExpiresAt, 5 * Minute, CancellationToken.None));
    }

    /// <summary>
    /// A claimed lease is a lease like an acquired one: it keeps others out, renews, releases, and once another worker took
    /// the key over it can no longer be renewed; every claim or acquisition after it gets a greater token.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryClaim_ClaimedLease_FencesLikeAnAcquiredLease()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var claimed = Assert.Single(await store.TryClaimAsync([Key], 1, "worker-a", T0, 5 * Minute, CancellationToken.None));

        Assert.Null(await other.TryAcquireAsync(Key, "worker-b", T0 + Minute, 5 * Minute, CancellationToken.None));
        var renewed = await store.TryRenewAsync(claimed, T0 + (4 * Minute), 5 * Minute, CancellationToken.None);
        Assert.NotNull(renewed);
        Assert.Equal(claimed.Token, renewed.Token);
        await store.ReleaseAsync(renewed, CancellationToken.None);
        Assert.Null(await store.TryRenewAsync(claimed, T0 + (5 * Minute), 5 * Minute, CancellationToken.None));

        var next = Assert.Single(await other.TryClaimAsync([Key], 1, "worker-b", T0 + (5 * Minute), Minute, CancellationToken.None));
        var after = await store.TryAcquireAsync(Key, "worker-a", next.ExpiresAt, 5 * Minute, CancellationToken.None);

        Assert.NotNull(after);
        Assert.True(next.Token > claimed.Token, $"Token {next.Token} after {claimed.Token}, expected it to grow.");
        Assert.True(after.Token > next.Token, $"Token {after.Token} after {next.Token}, expected it to grow.");
        Assert.Null(await other.TryRenewAsync(next, next.ExpiresAt, 5 * Minute, CancellationToken.None));
    }

    /// <summary>
    /// A claim prefers the keys in the order given also when the first one was never leased and the others were: with room
    /// for one, it takes the new key, so a new connection wanted first is not starved by the connections leased before.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryClaim_NeverLeasedKeyWantedFirst_IsClaimedBeforeKeysLeasedBefore()
    {
        var store = await CreateStoreAsync();
        foreach (var key in new[] { Key + "-old-1", Key + "-old-2" })
        {
            var earlier = await store.TryAcquireAsync(key, "worker-0", T0, Minute, CancellationToken.None);
            Assert.NotNull(earlier);
            await store.ReleaseAsync(earlier, CancellationToken.None);
        }

        var claimed = await store.TryClaimAsync([Key + "-new", Key + "-old-1", Key + "-old-2"], 1, "worker-a", T0, 5 * Minute, CancellationToken.None);

        Assert.Equal([Key + "-new"], claimed.Select(lease => lease.Key));
        Assert.NotNull(await store.TryAcquireAsync(Key + "-old-1", "worker-b", T0, 5 * Minute, CancellationToken.None));
    }

    /// <summary>
    /// Two workers on two instances claiming the same free keys at once: no key goes to both, and every key goes to one of
    /// them (a key the other is claiming is skipped, not lost), every time.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task TryClaim_TwoInstancesRacingOverTheSameKeys_NeverBothGetAKey()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            // Half the keys were leased and released before (their rows exist), half are new.
            string[] keys = [.. Enumerable.Range(0, 6).Select(k => $"{Key}-{round}-{k}")];
            foreach (var key in keys.Where((_, position) => position % 2 == 0))
            {
                var earlier = await store.TryAcquireAsync(key, "worker-0", T0, Minute, CancellationToken.None);
                Assert.NotNull(earlier);
                await store.ReleaseAsync(earlier, CancellationToken.None);
            }

            var results = await RaceAsync(
                async () => await store.TryClaimAsync(keys, keys.Length, "worker-a", T0, 5 * Minute, CancellationToken.None),
                async () => await other.TryClaimAsync([.. keys.Reverse()], keys.Length, "worker-b", T0, 5 * Minute, CancellationToken.None));

            var claimedKeys = results.SelectMany(claimed => claimed.Select(lease => lease.Key)).ToList();
            Assert.True(claimedKeys.Count == claimedKeys.Distinct().Count(), $"Round {round}: a key went to both workers ({string.Join(", ", claimedKeys)}).");
            Assert.True(claimedKeys.Count == keys.Length, $"Round {round}: {claimedKeys.Count} of {keys.Length} keys were claimed, expected each by one worker.");
        }
    }

    // Worker A's lease expires and worker B, on a second instance, takes the key.
    private async Task<(IWorkLeaseStore Store, IWorkLeaseStore Other, WorkLease Lost, WorkLease Taken)> LoseLeaseToAnotherWorkerAsync()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);
        var lost = await store.TryAcquireAsync(Key, "worker-a", T0, 5 * Minute, CancellationToken.None);
        Assert.NotNull(lost);
        var taken = await other.TryAcquireAsync(Key, "worker-b", T0 + (6 * Minute), 5 * Minute, CancellationToken.None);
        Assert.NotNull(taken);
        return (store, other, lost, taken);
    }
}
