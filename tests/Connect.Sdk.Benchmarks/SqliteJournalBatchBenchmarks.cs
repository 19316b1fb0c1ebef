using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// A 10,000-article connection's article tab in SQLite: 1,000 entries read and changed one by one (as a stock run's
/// backoff check and its status changes once did) against one batch read and one batch save
/// (<see cref="JournalStatusChanges"/>). Each category has its one-by-one baseline in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteJournalBatchBenchmarks() : SqliteJournalTabBenchmarks(historiesAtTheBound: false)
{
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public async Task<int> ReadOneByOne()
    {
        var found = 0;
        foreach (var key in JournalStatusChanges.BatchKeys)
        {
            found += await Store.GetAsync(key, CancellationToken.None) is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark]
    [BenchmarkCategory("Read")]
    public async Task<int> ReadInOneBatch() => (await Store.GetManyAsync(JournalStatusChanges.BatchKeys, CancellationToken.None)).Count;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public async Task<int> ReadInOneBatchToChange() => (await Store.GetManyToChangeAsync(JournalStatusChanges.BatchKeys, CancellationToken.None)).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesOneByOne() => JournalStatusChanges.SaveOneByOneAsync(Store, ++Round);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesInOneBatchReadingWholeHistories() => JournalStatusChanges.SaveInOneBatchReadingWholeHistoriesAsync(Store, ++Round);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesInOneBatch() => JournalStatusChanges.SaveInOneBatchAsync(Store, ++Round);
}
