using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IStockSyncStateStore"/>: derive a test class in the store's test project from
/// the shell that makes each check a test (<see cref="StockSyncStateStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.StockSyncStateStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class StockSyncStateStoreChecks : FencedStoreContract<IStockSyncStateStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>Articles never sent are left out of a read.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NeverSent_LeavesTheArticlesOut()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None));
    }

    /// <summary>A read returns exactly the asked articles that were sent, with their latest quantity, per connection.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_ThenGet_ReturnsTheLatestQuantityOfTheAskedArticles()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.SaveAsync(Shop, [new SentStock("A-1", 5, T0), new SentStock("A-2", 7, T0), new SentStock("A-3", 0, T0)], lease, CancellationToken.None);
        await store.SaveAsync(Shop, [new SentStock("A-1", 4, T0 + Duration.FromMinutes(1))], lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1", "A-3", "A-9"], CancellationToken.None);

        Assert.Equal(["A-1", "A-3"], read.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(new SentStock("A-1", 4, T0 + Duration.FromMinutes(1)), read["A-1"]);
        Assert.Equal(new SentStock("A-3", 0, T0), read["A-3"]);
        Assert.Empty(await store.GetAsync(new ConnectionId("store-kit-other"), ["A-1"], CancellationToken.None));
    }

    /// <summary>A chunk of a thousand articles is read back in one call.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_AChunkOfAThousand_ReturnsEveryOne()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var sent = Enumerable.Range(0, 1000).Select(i => new SentStock("A-" + i, i, T0)).ToArray();
        await store.SaveAsync(Shop, sent, lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, sent.Select(s => s.ArticleNumber).ToArray(), CancellationToken.None);

        Assert.Equal(1000, read.Count);
        Assert.All(sent, s => Assert.Equal(s, read[s.ArticleNumber]));
    }

    /// <summary>A batch with a null entry is refused whole: nothing of it is written.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_BatchWithANullEntry_IsRefusedAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(Shop, [new SentStock("A-1", 5, T0), null!], lease, CancellationToken.None).AsTask());

        Assert.Empty(await store.GetAsync(Shop, ["A-1"], CancellationToken.None));
    }


    /// <summary>Fencing: a worker whose lease lapsed and was taken over cannot record sent stock; the refused batch writes nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_LeaseTakenOverByAnotherWorker_IsRefusedAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var (stale, current) = await TakeOverAsync(store);
        await store.SaveAsync(Shop, [new SentStock("A-1", 5, T0)], current, CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.SaveAsync(Shop, [new SentStock("A-1", 9, T0), new SentStock("A-2", 3, T0)], stale, CancellationToken.None).AsTask());

        var read = await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None);
        Assert.Equal(new SentStock("A-1", 5, T0), Assert.Single(read).Value);
        await store.SaveAsync(Shop, [new SentStock("A-2", 3, T0)], current, CancellationToken.None);
        Assert.Equal(2, (await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None)).Count);
    }

    /// <summary>Fencing: a lease its worker released fences like a lost one: a late write under it is refused.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_LeaseReleased_IsRefused()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await (await GetLeaseStoreAsync(store)).ReleaseAsync(lease, CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.SaveAsync(Shop, [new SentStock("A-1", 5, T0)], lease, CancellationToken.None).AsTask());

        Assert.Empty(await store.GetAsync(Shop, ["A-1"], CancellationToken.None));
    }
}
