using Connect.Sdk.Articles;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.Stock;

/// <summary>A mapped article is in the journal as not synced from the moment it is mapped.</summary>
public sealed class MappedArticleEntriesTests
{
    [Fact]
    public async Task Import_TenThousandArticles_ListsEachAsNotSynced()
    {
        await using var w = await StockWorld.ProductiveAsync();

        await w.AddManyAsync(10_000);

        var page = await w.H.Journal.QueryAsync(new JournalQuery(w.Connection, RecordKind.ArticleStock), 0, 50, default);
        var notSynced = await w.H.Journal.QueryAsync(new JournalQuery(w.Connection, RecordKind.ArticleStock) { Statuses = [JournalStatus.NotSynced] }, 0, 1, default);
        Assert.Equal(10_000, page.TotalCount);
        Assert.Equal(10_000, notSynced.TotalCount);
        var entry = await w.EntryAsync("A0042");
        Assert.Equal("mapped to testsku SKU-A0042 on connection market-1; stock not synced yet", entry.Message);
        Assert.Equal(("Article A0042", ArticleKind.Simple), (entry.Title, entry.ArticleKind));
        Assert.Equal(JournalStatus.NotSynced, Assert.Single(entry.History).To);
    }

    [Fact]
    public async Task Import_ArticleTheJournalListsAlready_KeepsItsEntry()
    {
        await using var w = await StockWorld.ProductiveAsync();
        var articles = await w.AddManyAsync(1);
        await w.RunAsync();
        var synced = await w.EntryAsync("A0001");

        await w.H.AddMappedArticlesAsync(w.Connection, articles);

        var after = await w.EntryAsync("A0001");
        Assert.Equal(JournalStatus.Succeeded, after.Status);
        Assert.Equal(synced.Version, after.Version);
    }
}
