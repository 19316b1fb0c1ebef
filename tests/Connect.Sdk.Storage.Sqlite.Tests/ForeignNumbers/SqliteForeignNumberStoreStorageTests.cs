using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Storage.Sqlite.Tests.ForeignNumbers;

/// <summary>What the store kit cannot see of the SQLite foreign numbers: big atomic batches, the file, the lookup plans.</summary>
public sealed class SqliteForeignNumberStoreStorageTests : IDisposable
{
    private const int CatalogueSize = 5_000;
    private static readonly ConnectionId Shop = new("shop");

    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task Upsert_WholeCatalogueWithOneConflictAtTheEnd_WritesNothing()
    {
        var store = new SqliteForeignNumberStore(_files.Open());
        Assert.Empty(await store.UpsertAsync([Map("TAKEN", "S-TAKEN")], CancellationToken.None));
        var conflicting = Map("A-LAST", "S-TAKEN");

        var conflicts = await store.UpsertAsync([.. Catalogue(), conflicting], CancellationToken.None);

        Assert.Equal([conflicting], conflicts);
        Assert.Equal([Map("TAKEN", "S-TAKEN")], await ListAsync(store));
    }

    [Fact]
    public async Task Upsert_WholeCatalogue_IsFoundBothWaysAfterReopening()
    {
        var first = _files.Open();
        Assert.Empty(await new SqliteForeignNumberStore(first).UpsertAsync(Catalogue(), CancellationToken.None));
        first.Dispose();

        var reopened = new SqliteForeignNumberStore(_files.Open());

        Assert.Equal(CatalogueSize, (await ListAsync(reopened)).Count);
        Assert.Equal("A-04711", (await reopened.FindByForeignNumberAsync(Shop, new ForeignNumber(new ForeignNumberLabel("sku"), "S-04711"), CancellationToken.None))?.ArticleNumber);
        Assert.Equal([Map("A-04711", "S-04711")], await reopened.FindByArticleAsync(Shop, "A-04711", CancellationToken.None));
    }

    [Theory]
    [InlineData("SELECT value FROM foreign_numbers WHERE connection = 'shop' AND article_number = 'A-1' ORDER BY label_folded;")]
    [InlineData("SELECT article_number FROM foreign_numbers WHERE connection = 'shop' AND label_folded = 'SKU' AND value = 'S-1';")]
    public async Task Lookup_EitherDirection_SearchesAnIndex(string sql)
    {
        var database = _files.Open();
        await new SqliteForeignNumberStore(database).FindByArticleAsync(Shop, "A-1", CancellationToken.None);

        var plan = await SqliteQueryPlans.ExplainAsync(database, sql);

        Assert.All(plan, line => Assert.StartsWith("SEARCH foreign_numbers USING", line, StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static ForeignNumberMapping Map(string article, string value) => new(Shop, article, new ForeignNumber(ForeignNumberLabel.Sku, value));

    private static ForeignNumberMapping[] Catalogue() =>
        Enumerable.Range(0, CatalogueSize).Select(i => Map($"A-{i:D5}", $"S-{i:D5}")).ToArray();

    private static async Task<List<ForeignNumberMapping>> ListAsync(SqliteForeignNumberStore store)
    {
        var list = new List<ForeignNumberMapping>();
        await foreach (var mapping in store.ListAsync(Shop, CancellationToken.None))
        {
            list.Add(mapping);
        }

        return list;
    }
}
