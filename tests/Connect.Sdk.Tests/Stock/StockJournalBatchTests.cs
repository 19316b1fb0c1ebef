using Connect.Sdk.Features;
using Connect.Sdk.Stock;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Tests.Stock;

/// <summary>Work over thousands of articles reads and writes the journal in batches, not once per article.</summary>
public sealed class StockJournalBatchTests
{
    [Fact]
    public async Task ScheduledRun_ThousandsOfChangedArticlesWaitingForTheirNextTry_ReadsTheirEntriesInBatches()
    {
        var store = new CountingJournalStore(new InMemoryJournalStore());
        await using var w = await StockWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(store));
        await w.AddManyAsync(2_500);
        // Two reasons, so the batch is not refused whole for one reason (which pauses the stock work instead).
        w.Answer = batch => new BatchResult(batch.Select((u, i) => RecordResult.Failure(u.ArticleNumber, i % 2 == 0 ? "listing closed" : "listing under review")));
        await w.RunAsync();
        w.H.Clock.Advance(Duration.FromMinutes(1));
        w.ClearBatches();
        store.Reset();

        await w.RunAsync();

        Assert.Empty(w.Batches);
        Assert.Equal((0, 3), (store.ArticleGets, store.BatchReads));
    }

    [Fact]
    public async Task SetProductiveMode_OffWithThousandsOfArticlesWaiting_RewritesTheirReasonInBatches()
    {
        var store = new CountingJournalStore(new InMemoryJournalStore());
        await using var w = await StockWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(store));
        await w.AddManyAsync(2_500);
        store.Reset();

        var off = await w.H.Lifecycle.SetProductiveModeAsync(w.Connection, false, SyncHarness.User, default);

        Assert.True(off.Succeeded, off.ToString());
        Assert.Equal((0, 3, 3), (store.Saves, store.BatchReads, store.BatchSaves));
        var entry = await w.EntryAsync("A2500");
        Assert.StartsWith("stock not synced yet: connection market-1 is not productive", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_ThousandsOfChangedArticles_JournalsEachBatchWithOneReadAndOneSaveBeforeTheCallAndOneSaveAfter()
    {
        var store = new CountingJournalStore(new InMemoryJournalStore());
        await using var w = await StockWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(store));
        await w.AddManyAsync(2_500);
        store.Reset();

        await w.RunAsync();

        Assert.Equal(2_500, w.Sent.Count);
        var savesPerStep = w.Batches.Sum(b => (b.Count + SyncJournal.BatchSize - 1) / SyncJournal.BatchSize);
        Assert.Equal((0, 2 * savesPerStep), (store.Saves, store.BatchSaves));

        // The entries are read once per step before the call (and three times by the run's start, for its 2,500 entries);
        // the outcome is journaled over the entries as the Running change saved them.
        Assert.Equal(savesPerStep + 3, store.BatchReads);
        var entry = await w.EntryAsync("A2500");
        Assert.Equal((JournalStatus.Succeeded, 1), (entry.Status, entry.Attempts));
        Assert.Equal([JournalStatus.NotSynced, JournalStatus.Running, JournalStatus.Succeeded], entry.History.Select(h => h.To));
    }

    [Fact]
    public async Task ScheduledRun_AnotherWriterChangesAnEntryDuringTheCall_JournalsTheOutcomeOverItsChange()
    {
        var store = new WriterBetweenJournalStore(new InMemoryJournalStore());
        await using var w = await StockWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(store));
        await w.AddManyAsync(3);
        var other = new JournalKey(w.Connection, RecordKind.ArticleStock, "A0002");
        store.BeforeSaveMany = async (inner, entries) =>
        {
            if (entries.Any(e => e.Status == JournalStatus.Succeeded) && await inner.GetAsync(other, default) is { } stored)
            {
                store.BeforeSaveMany = null;
                Assert.NotNull(await inner.TrySaveAsync(stored with { Message = "looked at by another writer" }, default));
            }
        };

        await w.RunAsync();

        var changed = await w.EntryAsync("A0002");
        var untouched = await w.EntryAsync("A0001");
        Assert.Equal((JournalStatus.Succeeded, 1), (changed.Status, changed.Attempts));
        Assert.Equal([JournalStatus.NotSynced, JournalStatus.Running, JournalStatus.Succeeded], changed.History.Select(h => h.To));
        Assert.Equal(untouched.Version + 1, changed.Version);
    }

    [Fact]
    public async Task SyncArticles_ThousandsFromTheJournal_QueuesThemWithOneSavePerThousand()
    {
        var store = new CountingJournalStore(new InMemoryJournalStore());
        await using var w = await StockWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(store));
        var articles = await w.AddManyAsync(2_500);
        store.Reset();

        var result = await w.H.Get<StockSync>().SyncArticlesAsync(w.Connection, JournalSelection.Of(articles.Select(a => a.Number)), default);

        Assert.Equal(2_500, result.Queued.Count);
        Assert.Equal((0, 3), (store.Saves, store.BatchSaves));
        Assert.Equal(JournalStatus.Queued, (await w.EntryAsync("A2500")).Status);
    }

    [Fact]
    public async Task ScheduledRun_EveryArticleTheTabListsIsMapped_ReadsNoKeysOfTheTab()
    {
        var store = new CountingJournalStore(new InMemoryJournalStore());
        await using var w = await StockWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(store));
        await w.AddManyAsync(1_500);
        await w.RunAsync();
        w.H.Clock.Advance(Duration.FromMinutes(5));
        store.Reset();

        await w.RunAsync();
        await w.RunAsync(WorkKind.StockReconcile);

        Assert.Equal(1, store.ArticleTabListings);
    }
}
