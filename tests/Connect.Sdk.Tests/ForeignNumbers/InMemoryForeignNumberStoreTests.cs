using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Tests.ForeignNumbers;

public sealed class InMemoryForeignNumberStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly ConnectionId OtherShop = new("shopify-at");

    private static ForeignNumberMapping Map(string article, string value, ConnectionId? connection = null) =>
        new(connection ?? Shop, article, new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, value));

    [Fact]
    public async Task UpsertAsync_BatchWithOneConflict_WritesNothingAndReturnsTheConflict()
    {
        var store = new InMemoryForeignNumberStore();
        await store.UpsertAsync([Map("A", "1")], None);

        var conflicts = await store.UpsertAsync([Map("B", "2", OtherShop), Map("C", "3"), Map("D", "1")], None);

        Assert.Equal([Map("D", "1")], conflicts);
        Assert.Null(await store.FindByForeignNumberAsync(Shop, new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "3"), None));
        Assert.Empty(await store.FindByArticleAsync(OtherShop, "B", None));
        Assert.Equal("A", (await store.FindByForeignNumberAsync(Shop, Map("A", "1").ForeignNumber, None))?.ArticleNumber);
    }

    [Fact]
    public async Task UpsertAsync_SameForeignNumberForTwoArticlesInOneBatch_ReturnsBoth()
    {
        var store = new InMemoryForeignNumberStore();

        var conflicts = await store.UpsertAsync([Map("A", "1"), Map("B", "1")], None);

        Assert.Equal([Map("A", "1"), Map("B", "1")], conflicts);
        Assert.Empty(await ListAsync(store, Shop));
    }

    [Fact]
    public async Task UpsertAsync_LabelInOtherCase_IsTheSameForeignNumber()
    {
        var store = new InMemoryForeignNumberStore();
        await store.UpsertAsync([Map("A", "1")], None);

        var conflicts = await store.UpsertAsync([new ForeignNumberMapping(Shop, "B", new ForeignNumber(new ForeignNumberLabel("SHOPIFYVARIANTID"), "1"))], None);

        Assert.Single(conflicts);
    }

    [Fact]
    public async Task RemoveAsync_Mapping_FreesTheForeignNumber()
    {
        var store = new InMemoryForeignNumberStore();
        await store.UpsertAsync([Map("A", "1")], None);

        Assert.True(await store.RemoveAsync(Shop, "A", ForeignNumberLabel.ShopifyVariantId, None));
        Assert.False(await store.RemoveAsync(Shop, "A", ForeignNumberLabel.ShopifyVariantId, None));

        Assert.Empty(await store.UpsertAsync([Map("B", "1")], None));
        Assert.Equal("B", (await store.FindByForeignNumberAsync(Shop, Map("B", "1").ForeignNumber, None))?.ArticleNumber);
    }

    [Fact]
    public async Task ListAsync_Mappings_ComeByArticleLabelAndValueOfOneConnectionOnly()
    {
        var store = new InMemoryForeignNumberStore();
        await store.UpsertAsync(
            [
                Map("B", "2"),
                new ForeignNumberMapping(Shop, "A", new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9")),
                new ForeignNumberMapping(Shop, "A", new ForeignNumber(ForeignNumberLabel.ShopifyProductId, "8")),
                Map("A", "7", OtherShop),
            ],
            None);

        var listed = await ListAsync(store, Shop);

        Assert.Equal(["A shopifyproductid 8", "A shopifyvariantid 9", "B shopifyvariantid 2"], listed.Select(m => $"{m.ArticleNumber} {m.ForeignNumber}"));
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentWritersOfOneForeignNumber_LeaveItWithExactlyOneArticle()
    {
        var store = new InMemoryForeignNumberStore();
        var articles = Enumerable.Range(0, 64).Select(i => $"A{i}").ToArray();
        var written = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(articles, async (article, ct) =>
        {
            if ((await store.UpsertAsync([Map(article, "SAME")], ct)).Count == 0)
            {
                written.Add(article);
            }
        });

        var winner = Assert.Single(written);
        Assert.Equal(winner, Assert.Single(await ListAsync(store, Shop)).ArticleNumber);
    }

    [Fact]
    public async Task RestrictedMapping_NeverSet_IsEmpty_AndIsKeptPerConnection()
    {
        var store = new InMemoryForeignNumberStore();
        Assert.Same(RestrictedArticleMapping.Empty, await store.GetRestrictedMappingAsync(Shop, None));

        await store.SetRestrictedMappingAsync(Shop, new RestrictedArticleMapping("4711", "M-100"), None);

        Assert.Equal(["4711", "M-100"], (await store.GetRestrictedMappingAsync(Shop, None)).ArticleNumbers);
        Assert.Equal(0, (await store.GetRestrictedMappingAsync(OtherShop, None)).Count);
    }

    private static async Task<List<ForeignNumberMapping>> ListAsync(InMemoryForeignNumberStore store, ConnectionId connection)
    {
        var list = new List<ForeignNumberMapping>();
        await foreach (var mapping in store.ListAsync(connection, None))
        {
            list.Add(mapping);
        }

        return list;
    }
}
