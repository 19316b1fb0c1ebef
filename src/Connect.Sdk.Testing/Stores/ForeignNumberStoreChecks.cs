using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.ForeignNumbers;
using Xunit;
using static Connect.Sdk.Testing.Stores.StoreContractHelpers;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The conformance checks of <see cref="IForeignNumberStore"/>: derive a test class in the store's test project from
/// the shell that makes each check a test (<see cref="ForeignNumberStoreContract"/> for xUnit v2,
/// <c>Connect.Sdk.Testing.XunitV3.Stores.ForeignNumberStoreContract</c> for xUnit v3) and supply a fresh, empty store.
/// Override <see cref="StoreContract{TStore}.CreateSecondInstanceAsync"/> to hand out a second store over the same
/// storage (a second worker process), so that two workers race to give one foreign number to two articles.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Method_Condition_Expectation.")]
public abstract class ForeignNumberStoreChecks : StoreContract<IForeignNumberStore>
{
    private static readonly ConnectionId Shop = new("store-kit-shop");
    private static readonly ConnectionId OtherShop = new("store-kit-other");
    private static readonly ForeignNumberLabel Sku = new("SKU");
    private static readonly ForeignNumberLabel Ean = new("ean");
    private static readonly ForeignNumberLabel Listing = new("Listing");

    /// <summary>An empty store finds nothing and lists nothing.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Find_EmptyStore_FindsNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.FindByArticleAsync(Shop, "A-1", CancellationToken.None));
        Assert.Null(await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-1"), CancellationToken.None));
        Assert.Empty(await ToListAsync(store.ListAsync(Shop, CancellationToken.None)));
    }

    /// <summary>A written mapping is found by its article and by its foreign number, the label ignoring case.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_NewMapping_IsFoundBothWays()
    {
        var store = await CreateStoreAsync();
        var mapping = Map(Shop, "A-1", Sku, "S-1");

        Assert.Empty(await store.UpsertAsync([mapping], CancellationToken.None));

        Assert.Equal([mapping], await store.FindByArticleAsync(Shop, "A-1", CancellationToken.None));
        Assert.Equal(mapping, await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-1"), CancellationToken.None));
        Assert.Equal("A-1", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(new ForeignNumberLabel("sku"), "S-1"), CancellationToken.None))?.ArticleNumber);
    }

    /// <summary>Values and article numbers compare exactly: a value differing in case is another foreign number.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_ValueDifferingInCase_IsAnotherForeignNumber()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "abc")], CancellationToken.None));

        Assert.Null(await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "ABC"), CancellationToken.None));
        Assert.Empty(await store.UpsertAsync([Map(Shop, "a-1", Sku, "ABC")], CancellationToken.None));
        Assert.Equal("A-1", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "abc"), CancellationToken.None))?.ArticleNumber);
        Assert.Equal("a-1", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "ABC"), CancellationToken.None))?.ArticleNumber);
    }

    /// <summary>A new value for an (article, label) replaces the old one, which is then free for another article.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_NewValueForALabel_ReplacesAndFreesTheOldValue()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "S-1")], CancellationToken.None));

        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "S-2")], CancellationToken.None));

        Assert.Equal([Map(Shop, "A-1", Sku, "S-2")], await store.FindByArticleAsync(Shop, "A-1", CancellationToken.None));
        Assert.Null(await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-1"), CancellationToken.None));
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-2", Sku, "S-1")], CancellationToken.None));
        Assert.Equal("A-2", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-1"), CancellationToken.None))?.ArticleNumber);
    }

    /// <summary>
    /// A batch giving a stored foreign number to a second article is refused whole: the conflicting mapping is returned
    /// and nothing of the batch is written, not even its harmless mappings or those of other connections.
    /// </summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_ConflictWithAStoredMapping_ReturnsItAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "S-1")], CancellationToken.None));
        var conflicting = Map(Shop, "A-2", Sku, "S-1");

        var conflicts = await store.UpsertAsync([Map(Shop, "A-3", Sku, "S-3"), conflicting, Map(OtherShop, "A-9", Sku, "S-9")], CancellationToken.None);

        Assert.Equal([conflicting], conflicts);
        Assert.Equal([Map(Shop, "A-1", Sku, "S-1")], await ToListAsync(store.ListAsync(Shop, CancellationToken.None)));
        Assert.Empty(await ToListAsync(store.ListAsync(OtherShop, CancellationToken.None)));
    }

    /// <summary>A batch giving one foreign number to two of its articles is refused whole, returning both mappings.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_ConflictWithinTheBatch_ReturnsBothAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var first = Map(Shop, "A-1", Sku, "S-1");
        var second = Map(Shop, "A-2", Sku, "S-1");

        var conflicts = await store.UpsertAsync([Map(Shop, "A-3", Ean, "4000"), first, second], CancellationToken.None);

        Assert.Contains(first, conflicts);
        Assert.Contains(second, conflicts);
        Assert.Equal(2, conflicts.Count);
        Assert.Empty(await ToListAsync(store.ListAsync(Shop, CancellationToken.None)));
    }

    /// <summary>Two articles swapping their values in one batch is no conflict: a replaced value is free within the batch.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_SwapInOneBatch_IsWritten()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "S-1"), Map(Shop, "A-2", Sku, "S-2")], CancellationToken.None));

        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "S-2"), Map(Shop, "A-2", Sku, "S-1")], CancellationToken.None));

        Assert.Equal("A-1", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-2"), CancellationToken.None))?.ArticleNumber);
        Assert.Equal("A-2", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-1"), CancellationToken.None))?.ArticleNumber);
    }

    /// <summary>The same foreign number on different connections, or with different labels, is no conflict.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_SameValueOnAnotherConnectionOrLabel_IsNoConflict()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "X"), Map(OtherShop, "A-2", Sku, "X"), Map(Shop, "A-3", Ean, "X")], CancellationToken.None));

        Assert.Equal("A-1", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "X"), CancellationToken.None))?.ArticleNumber);
        Assert.Equal("A-2", (await store.FindByForeignNumberAsync(OtherShop, new ForeignNumber(Sku, "X"), CancellationToken.None))?.ArticleNumber);
        Assert.Equal("A-3", (await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Ean, "X"), CancellationToken.None))?.ArticleNumber);
    }

    /// <summary>An article's mappings come in label order (ignoring case); a connection's list by article, label and value.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task List_SeveralMappings_ComeInTheDocumentedOrder()
    {
        var store = await CreateStoreAsync();
        ForeignNumberMapping[] mappings =
        [
            Map(Shop, "b-1", Sku, "1"), Map(Shop, "B-2", Listing, "2"), Map(Shop, "B-2", Ean, "3"), Map(Shop, "B-2", Sku, "4"),
            Map(Shop, "A-10", Sku, "5"), Map(Shop, "A-9", Ean, "6"), Map(OtherShop, "A-1", Sku, "7"),
        ];
        Assert.Empty(await store.UpsertAsync(mappings, CancellationToken.None));

        var byArticle = await store.FindByArticleAsync(Shop, "B-2", CancellationToken.None);
        var listed = await ToListAsync(store.ListAsync(Shop, CancellationToken.None));

        Assert.Equal(["ean", "Listing", "SKU"], byArticle.Select(m => m.ForeignNumber.Label.Value).ToArray());
        var expected = mappings.Where(m => m.Connection == Shop)
            .OrderBy(m => m.ArticleNumber, StringComparer.Ordinal)
            .ThenBy(m => m.ForeignNumber.Label.Value, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.ForeignNumber.Value, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, listed.ToArray());
    }

    /// <summary>Removing a foreign number returns true once, frees its value, and leaves the article's other labels.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Remove_StoredLabel_RemovesItOnce()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-1", Sku, "S-1"), Map(Shop, "A-1", Ean, "4000")], CancellationToken.None));

        Assert.True(await store.RemoveAsync(Shop, "A-1", Sku, CancellationToken.None));
        Assert.False(await store.RemoveAsync(Shop, "A-1", Sku, CancellationToken.None));
        Assert.False(await store.RemoveAsync(OtherShop, "A-1", Ean, CancellationToken.None));

        Assert.Equal([Map(Shop, "A-1", Ean, "4000")], await store.FindByArticleAsync(Shop, "A-1", CancellationToken.None));
        Assert.Null(await store.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, "S-1"), CancellationToken.None));
        Assert.Empty(await store.UpsertAsync([Map(Shop, "A-2", Sku, "S-1")], CancellationToken.None));
    }

    /// <summary>The restricted mapping is empty until set, then reads back as set, per connection.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task RestrictedMapping_SetAndGet_IsKeptPerConnection()
    {
        var store = await CreateStoreAsync();
        Assert.Empty((await store.GetRestrictedMappingAsync(Shop, CancellationToken.None)).ArticleNumbers);

        await store.SetRestrictedMappingAsync(Shop, new RestrictedArticleMapping("A-2", "A-1"), CancellationToken.None);
        Assert.Equal(["A-1", "A-2"], (await store.GetRestrictedMappingAsync(Shop, CancellationToken.None)).ArticleNumbers);
        Assert.Empty((await store.GetRestrictedMappingAsync(OtherShop, CancellationToken.None)).ArticleNumbers);

        await store.SetRestrictedMappingAsync(Shop, new RestrictedArticleMapping("A-3"), CancellationToken.None);
        Assert.Equal(["A-3"], (await store.GetRestrictedMappingAsync(Shop, CancellationToken.None)).ArticleNumbers);
        await store.SetRestrictedMappingAsync(Shop, RestrictedArticleMapping.Empty, CancellationToken.None);
        Assert.Empty((await store.GetRestrictedMappingAsync(Shop, CancellationToken.None)).ArticleNumbers);
    }

    /// <summary>Two workers on two instances giving one free foreign number to two articles at once: exactly one succeeds.</summary>
    /// <returns>A task that completes when the check is done.</returns>
    public virtual async Task Upsert_TwoInstancesRacingForOneForeignNumber_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var other = await CreateSecondInstanceAsync(store);

        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var value = "R-" + round;
            var results = await RaceAsync(
                async () => await store.UpsertAsync([Map(Shop, "A-" + round, Sku, value)], CancellationToken.None),
                async () => await other.UpsertAsync([Map(Shop, "B-" + round, Sku, value)], CancellationToken.None));

            Assert.True(results.Count(r => r.Count == 0) == 1, $"Round {round}: {results.Count(r => r.Count == 0)} workers got {value}, expected exactly one.");
            var winner = results[0].Count == 0 ? "A-" + round : "B-" + round;
            Assert.Equal(winner, (await other.FindByForeignNumberAsync(Shop, new ForeignNumber(Sku, value), CancellationToken.None))?.ArticleNumber);
        }
    }

    private static ForeignNumberMapping Map(ConnectionId connection, string article, ForeignNumberLabel label, string value) =>
        new(connection, article, new ForeignNumber(label, value));
}
