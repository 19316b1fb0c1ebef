using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Connect.Sdk.Prices;
using Connect.Sdk.Sync;
using NodaTime;
using Xunit;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IPriceSyncStateStore"/>: derive a test class in the store's test project from
/// the shell that makes each check a test (<see cref="PriceSyncStateStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.PriceSyncStateStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage, so that prices saved by one process are checked as another reads them.
/// </summary>
/// <remarks>
/// Amounts must come back as the same <see cref="decimal"/>, scale included (23.90 reads back as 23.90, not 23.9), in
/// their own currency; a store that keeps them as floating point fails on 0.1 and on the largest amounts.
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class PriceSyncStateStoreChecks : FencedStoreContract<IPriceSyncStateStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly CurrencyCode Kwd = new("KWD");
    private static readonly CurrencyCode Jpy = new("JPY");

    // To the tick: the sent time must come back exactly.
    private static readonly Instant T0 = Instant.FromUnixTimeTicks(17_723_520_001_234_567);

    /// <summary>Articles never sent are left out of a read, and asking for none reads none.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_NeverSent_LeavesTheArticlesOut()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.SaveAsync(Shop, [Sent("A-1", 19.99m)], lease, CancellationToken.None);

        Assert.Empty(await store.GetAsync(Shop, ["A-2", "A-3"], CancellationToken.None));
        Assert.Empty(await store.GetAsync(Shop, [], CancellationToken.None));
    }

    /// <summary>A read returns exactly the asked articles that were sent, each with its latest price.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_ThenGet_ReturnsTheLatestPriceOfTheAskedArticles()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.SaveAsync(Shop, [Sent("A-1", 19.99m), Sent("A-2", 5m), Sent("A-3", 0m)], lease, CancellationToken.None);
        var later = Sent("A-1", 17.49m) with { SentAt = T0 + Duration.FromMinutes(1) };

        await store.SaveAsync(Shop, [later], lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1", "A-3", "A-9"], CancellationToken.None);
        Assert.Equal(["A-1", "A-3"], read.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(later, read["A-1"]);
        Assert.Equal(Sent("A-3", 0m), read["A-3"]);
    }

    /// <summary>
    /// Amounts read back as the same decimal with the same scale: a tenth, cents, trailing zeros, three decimals of a
    /// dinar, whole yen, the largest and the smallest decimal.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_Amounts_AreReadBackExactlyWithTheirScale()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var amounts = new Dictionary<string, Money>
        {
            ["tenth"] = new(0.1m, CurrencyCode.Eur),
            ["cents"] = new(19.99m, CurrencyCode.Eur),
            ["trailing-zero"] = new(23.90m, CurrencyCode.Eur),
            ["whole-with-cents"] = new(24.00m, CurrencyCode.Chf),
            ["dinar"] = new(1234567.891m, Kwd),
            ["yen"] = new(1200m, Jpy),
            ["largest"] = new(decimal.MaxValue, CurrencyCode.Usd),
            ["smallest"] = new(0.0000000000000000000000000001m, CurrencyCode.Usd),
        };

        await store.SaveAsync(Shop, amounts.Select(a => new SentPrice(a.Key, a.Value, null, T0)).ToArray(), lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, amounts.Keys.ToArray(), CancellationToken.None);
        Assert.All(amounts, a =>
        {
            Assert.Equal(a.Value, read[a.Key].Price);
            Assert.Equal(Text(a.Value.Amount), Text(read[a.Key].Price.Amount));
        });
    }

    /// <summary>A compare-at price is kept with its own amount, scale and currency; a price sent without one reads back without one.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_CompareAtPrice_IsKeptAndANullOneStaysNull()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var withCompareAt = Sent("A-1", 19.99m) with { CompareAtPrice = new Money(29.90m, CurrencyCode.Eur) };
        var without = Sent("A-2", 19.99m);

        await store.SaveAsync(Shop, [withCompareAt, without], lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None);
        Assert.Equal(withCompareAt, read["A-1"]);
        Assert.Equal("29.90", Text(read["A-1"].CompareAtPrice!.Value.Amount));
        Assert.Null(read["A-2"].CompareAtPrice);
    }

    /// <summary>A later price without a compare-at price replaces one that had it: the old compare-at price is gone.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_WithoutCompareAtOverOneWithIt_ClearsTheCompareAtPrice()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.SaveAsync(Shop, [Sent("A-1", 19.99m) with { CompareAtPrice = new Money(29.90m, CurrencyCode.Eur) }], lease, CancellationToken.None);

        await store.SaveAsync(Shop, [Sent("A-1", 24.99m)], lease, CancellationToken.None);

        var read = (await store.GetAsync(Shop, ["A-1"], CancellationToken.None))["A-1"];
        Assert.Equal(Sent("A-1", 24.99m), read);
        Assert.Null(read.CompareAtPrice);
    }

    /// <summary>Each price keeps its currency: a later price in another currency replaces the amount and the currency.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_Currencies_AreKeptPerArticle()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        await store.SaveAsync(Shop, [new SentPrice("A-1", new Money(19.99m, CurrencyCode.Chf), null, T0), new SentPrice("A-2", new Money(1990m, Jpy), null, T0)], lease, CancellationToken.None);

        await store.SaveAsync(Shop, [new SentPrice("A-1", new Money(19.99m, CurrencyCode.Gbp), new Money(21.99m, CurrencyCode.Gbp), T0)], lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None);
        Assert.Equal(CurrencyCode.Gbp, read["A-1"].Price.Currency);
        Assert.Equal(CurrencyCode.Gbp, read["A-1"].CompareAtPrice!.Value.Currency);
        Assert.Equal(Jpy, read["A-2"].Price.Currency);
    }

    /// <summary>A chunk of a thousand articles is saved and read back in one call each, every price exactly.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Get_AChunkOfAThousand_ReturnsEveryOneExactly()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var sent = Enumerable.Range(0, 1000)
            .Select(i => new SentPrice(
                "A-" + i,
                new Money(i + 0.90m, CurrencyCode.Eur),
                i % 3 == 0 ? new Money(i + 10.00m, CurrencyCode.Eur) : null,
                T0 + Duration.FromTicks(i)))
            .ToArray();
        await store.SaveAsync(Shop, sent, lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, sent.Select(s => s.ArticleNumber).ToArray(), CancellationToken.None);

        Assert.Equal(1000, read.Count);
        Assert.All(sent, s =>
        {
            Assert.Equal(s, read[s.ArticleNumber]);
            Assert.Equal(Text(s.Price.Amount), Text(read[s.ArticleNumber].Price.Amount));
        });
    }

    /// <summary>Prices saved through one instance are read through the other, as a second process would read them.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_ThroughOneInstance_IsReadThroughTheOther()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var other = await CreateSecondInstanceAsync(store);

        await store.SaveAsync(Shop, [Sent("A-1", 19.99m) with { CompareAtPrice = new Money(25m, CurrencyCode.Eur) }], lease, CancellationToken.None);
        await other.SaveAsync(Shop, [Sent("A-2", 9.90m)], lease, CancellationToken.None);

        var read = await other.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None);
        Assert.Equal(Sent("A-1", 19.99m) with { CompareAtPrice = new Money(25m, CurrencyCode.Eur) }, read["A-1"]);
        Assert.Equal(Sent("A-2", 9.90m), (await store.GetAsync(Shop, ["A-2"], CancellationToken.None))["A-2"]);
    }

    /// <summary>The same article number on two connections is two prices; a connection never sees another's.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_SameArticleOnTwoConnections_KeepsThemApart()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);
        var second = new ConnectionId("store-kit-second");
        await store.SaveAsync(Shop, [Sent("A-1", 19.99m)], lease, CancellationToken.None);

        await store.SaveAsync(second, [Sent("A-1", 18.49m)], lease, CancellationToken.None);

        Assert.Equal(19.99m, (await store.GetAsync(Shop, ["A-1"], CancellationToken.None))["A-1"].Price.Amount);
        Assert.Equal(18.49m, (await store.GetAsync(second, ["A-1"], CancellationToken.None))["A-1"].Price.Amount);
        Assert.Empty(await store.GetAsync(new ConnectionId("store-kit-other"), ["A-1"], CancellationToken.None));
    }

    /// <summary>Article numbers are compared exactly: two that differ only in case are two articles.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_ArticleNumbersDifferingOnlyInCase_AreTwoArticles()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);

        await store.SaveAsync(Shop, [Sent("a-1", 1m), Sent("A-1", 2m)], lease, CancellationToken.None);

        var read = await store.GetAsync(Shop, ["A-1"], CancellationToken.None);
        Assert.Equal(2m, Assert.Single(read).Value.Price.Amount);
    }

    /// <summary>A batch with a null entry is refused whole: nothing of it is written.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_BatchWithANullEntry_IsRefusedAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var lease = await HoldLeaseAsync(store);

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(Shop, [Sent("A-1", 1m), null!], lease, CancellationToken.None).AsTask());

        Assert.Empty(await store.GetAsync(Shop, ["A-1"], CancellationToken.None));
    }

    /// <summary>Fencing: a worker whose lease lapsed and was taken over cannot record sent prices; the refused batch writes nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Save_LeaseTakenOverByAnotherWorker_IsRefusedAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var (stale, current) = await TakeOverAsync(store);
        await store.SaveAsync(Shop, [Sent("A-1", 19.99m)], current, CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.SaveAsync(Shop, [Sent("A-1", 1m), Sent("A-2", 2m)], stale, CancellationToken.None).AsTask());

        var read = await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None);
        Assert.Equal(Sent("A-1", 19.99m), Assert.Single(read).Value);
        await store.SaveAsync(Shop, [Sent("A-2", 2m)], current, CancellationToken.None);
        Assert.Equal(2, (await store.GetAsync(Shop, ["A-1", "A-2"], CancellationToken.None)).Count);
    }

    private static SentPrice Sent(string article, decimal amount) => new(article, new Money(amount, CurrencyCode.Eur), null, T0);

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
