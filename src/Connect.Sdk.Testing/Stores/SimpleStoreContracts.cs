using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using NodaTime;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance tests of <see cref="IStockRulesStore"/>: derive a test class from it in the store's test project and
/// supply a fresh, empty store.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class StockRulesStoreContract
{
    private static readonly ConnectionId Shop = new("store-kit-shop");

    /// <summary>Creates a fresh, empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IStockRulesStore> CreateStoreAsync();

    /// <summary>A connection without rules reads the default rules.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Get_NoneSet_ReturnsTheDefault()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(StockRules.Default, await store.GetAsync(Shop, CancellationToken.None));
    }

    /// <summary>Set rules read back as set, replace earlier ones, and belong to their connection only.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Set_Rules_AreReadBackPerConnection()
    {
        var store = await CreateStoreAsync();
        var first = new StockRules { SafetyBuffer = 2.5m, PublishPercentage = 80, Cap = 50 };
        var second = new StockRules { SafetyBuffer = 1m, PublishPercentage = 100, Cap = null };

        await store.SetAsync(Shop, first, CancellationToken.None);
        Assert.Equal(first, await store.GetAsync(Shop, CancellationToken.None));
        await store.SetAsync(Shop, second, CancellationToken.None);

        Assert.Equal(second, await store.GetAsync(Shop, CancellationToken.None));
        Assert.Equal(StockRules.Default, await store.GetAsync(new ConnectionId("store-kit-other"), CancellationToken.None));
    }
}

/// <summary>
/// The conformance tests of <see cref="IStockSyncStateStore"/>: derive a test class from it in the store's test project
/// and supply a fresh, empty store.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class StockSyncStateStoreContract
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    /// <summary>Creates a fresh, empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IStockSyncStateStore> CreateStoreAsync();

    /// <summary>Articles never sent are left out of a read.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Get_NeverSent_LeavesTheArticlesOut()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None));
    }

    /// <summary>A read returns exactly the asked articles that were sent, with their latest quantity, per connection.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Save_ThenGet_ReturnsTheLatestQuantityOfTheAskedArticles()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Shop, [new SentStock("A-1", 5, T0), new SentStock("A-2", 7, T0), new SentStock("A-3", 0, T0)], CancellationToken.None);
        await store.SaveAsync(Shop, [new SentStock("A-1", 4, T0 + Duration.FromMinutes(1))], CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1", "A-3", "A-9"], CancellationToken.None);

        Assert.Equal(["A-1", "A-3"], read.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(new SentStock("A-1", 4, T0 + Duration.FromMinutes(1)), read["A-1"]);
        Assert.Equal(new SentStock("A-3", 0, T0), read["A-3"]);
        Assert.Empty(await store.GetAsync(new ConnectionId("store-kit-other"), ["A-1"], CancellationToken.None));
    }

    /// <summary>A chunk of a thousand articles is read back in one call.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Get_AChunkOfAThousand_ReturnsEveryOne()
    {
        var store = await CreateStoreAsync();
        var sent = Enumerable.Range(0, 1000).Select(i => new SentStock("A-" + i, i, T0)).ToArray();
        await store.SaveAsync(Shop, sent, CancellationToken.None);

        var read = await store.GetAsync(Shop, sent.Select(s => s.ArticleNumber).ToArray(), CancellationToken.None);

        Assert.Equal(1000, read.Count);
        Assert.All(sent, s => Assert.Equal(s, read[s.ArticleNumber]));
    }
}

/// <summary>
/// The conformance tests of <see cref="ISecretStore"/>: derive a test class from it in the store's test project and
/// supply a fresh, empty store.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class SecretStoreContract
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly ConnectionId OtherShop = new("store-kit-other");

    /// <summary>Creates a fresh, empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<ISecretStore> CreateStoreAsync();

    /// <summary>A secret never stored reads as nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Get_NeverStored_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Shop, "apiToken", CancellationToken.None));
    }

    /// <summary>A stored secret reads back, a second one replaces it, and it belongs to its connection and key only.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Set_Secret_IsReadBackPerConnectionAndKey()
    {
        var store = await CreateStoreAsync();

        await store.SetAsync(Shop, "apiToken", new SecretValue("s3cret-1"), CancellationToken.None);
        await store.SetAsync(Shop, "apiToken", new SecretValue("s3cret-2"), CancellationToken.None);
        await store.SetAsync(OtherShop, "apiToken", new SecretValue("other"), CancellationToken.None);

        Assert.Equal("s3cret-2", (await store.GetAsync(Shop, "apiToken", CancellationToken.None))?.Reveal());
        Assert.Equal("other", (await store.GetAsync(OtherShop, "apiToken", CancellationToken.None))?.Reveal());
        Assert.Null(await store.GetAsync(Shop, "apiSecret", CancellationToken.None));
    }

    /// <summary>Removing a secret makes it read as nothing; removing it again, or one never stored, does nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    [Fact]
    public async Task Remove_StoredSecret_IsGoneAndRepeatingDoesNothing()
    {
        var store = await CreateStoreAsync();
        await store.SetAsync(Shop, "apiToken", new SecretValue("s3cret"), CancellationToken.None);
        await store.SetAsync(OtherShop, "apiToken", new SecretValue("other"), CancellationToken.None);

        await store.RemoveAsync(Shop, "apiToken", CancellationToken.None);
        await store.RemoveAsync(Shop, "apiToken", CancellationToken.None);
        await store.RemoveAsync(Shop, "neverStored", CancellationToken.None);

        Assert.Null(await store.GetAsync(Shop, "apiToken", CancellationToken.None));
        Assert.Equal("other", (await store.GetAsync(OtherShop, "apiToken", CancellationToken.None))?.Reveal());
    }
}
