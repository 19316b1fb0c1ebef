using Connect.Sdk.RateLimits;
using NodaTime;

namespace Connect.Sdk.Tests.RateLimits;

/// <summary>
/// The conformance tests of <see cref="IRateBudgetStore"/>, shared by the in-memory store here and the SQLite store
/// (whose test project compiles this file too): derive from it and supply a fresh, empty store, and a second instance
/// over the same storage where there is one (a second process).
/// </summary>
public abstract class RateBudgetStoreContract
{
    private const string Account = "shopify:store-kit.myshopify.com";

    // Instants to the tick, a refill to the nanosecond (Amazon's 0.0167 a second): every field must come back exactly.
    private static readonly RateBudgetState First = new(
        Instant.FromUnixTimeTicks(17_799_168_001_234_567),
        Instant.FromUnixTimeTicks(17_799_168_000_000_001),
        Duration.FromNanoseconds(59_880_239_521),
        1);

    /// <summary>A fresh, empty store.</summary>
    protected abstract ValueTask<IRateBudgetStore> CreateStoreAsync();

    /// <summary>A second store over the first one's storage; the first itself where there is no other.</summary>
    protected virtual ValueTask<IRateBudgetStore> CreateSecondInstanceAsync(IRateBudgetStore first) => ValueTask.FromResult(first);

    [Fact]
    public async Task GetAsync_AccountNeverWritten_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Account, CancellationToken.None));
    }

    [Fact]
    public async Task TryReplaceAsync_FirstStateOfAnAccount_IsWrittenAndEveryFieldReadBackExactly()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        Assert.True(await store.TryReplaceAsync(Account, null, First, CancellationToken.None));

        Assert.Equal(First, await other.GetAsync(Account, CancellationToken.None));
        Assert.Null(await other.GetAsync("shopify:another-shop.myshopify.com", CancellationToken.None));
    }

    [Fact]
    public async Task TryReplaceAsync_FromTheStoredVersion_ReplacesIt()
    {
        var store = await CreateStoreAsync();
        await store.TryReplaceAsync(Account, null, First, CancellationToken.None);
        var next = new RateBudgetState(First.FullAt + Duration.FromSeconds(2), First.FullAt, Duration.FromMilliseconds(400), 2);

        Assert.True(await store.TryReplaceAsync(Account, First, next, CancellationToken.None));

        Assert.Equal(next, await store.GetAsync(Account, CancellationToken.None));
    }

    [Fact]
    public async Task TryReplaceAsync_TwoWritersFromOneVersion_OnlyTheFirstWins()
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

    [Fact]
    public async Task TryReplaceAsync_TwoWritersOfAFirstState_OnlyTheFirstWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        Assert.True(await store.TryReplaceAsync(Account, null, First, CancellationToken.None));
        Assert.False(await other.TryReplaceAsync(Account, null, First with { RefillPerUnit = Duration.FromSeconds(9) }, CancellationToken.None));

        Assert.Equal(First, await store.GetAsync(Account, CancellationToken.None));
    }

    [Fact]
    public async Task TryReplaceAsync_ExpectingAStateThatIsNotThere_IsRefused()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.TryReplaceAsync(Account, First, First with { Version = 2 }, CancellationToken.None));

        Assert.Null(await store.GetAsync(Account, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TryReplaceAsync_VersionNotTheNextOne_IsRefusedAsABug(long version)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(Account, null, First with { Version = version }, CancellationToken.None).AsTask());
    }
}
