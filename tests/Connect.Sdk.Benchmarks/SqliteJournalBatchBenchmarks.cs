using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// A 10,000-article connection's article tab in SQLite: 1,000 entries read and changed one by one (as a stock run's
/// backoff check and its status changes once did) against one batch read and one batch save
/// (<see cref="JournalStatusChanges"/>). Each category has its one-by-one baseline in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteJournalBatchBenchmarks
{
    private SqliteJournalTab? _tab;
    private SqliteJournalStore? _store;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _tab = new SqliteJournalTab();
        _store = _tab.Store;
    }

    [GlobalCleanup]
    public void Cleanup() => _tab?.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public async Task<int> ReadOneByOne()
    {
        var found = 0;
        foreach (var key in JournalStatusChanges.BatchKeys)
        {
            found += await _store!.GetAsync(key, CancellationToken.None) is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark]
    [BenchmarkCategory("Read")]
    public async Task<int> ReadInOneBatch() => (await _store!.GetManyAsync(JournalStatusChanges.BatchKeys, CancellationToken.None)).Count;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public async Task<int> ReadInOneBatchToChange() => (await _store!.GetManyToChangeAsync(JournalStatusChanges.BatchKeys, CancellationToken.None)).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesOneByOne() => JournalStatusChanges.SaveOneByOneAsync(_store!, Interlocked.Increment(ref _round));

    [Benchmark]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesInOneBatchReadingWholeHistories() => JournalStatusChanges.SaveInOneBatchReadingWholeHistoriesAsync(_store!, Interlocked.Increment(ref _round));

    [Benchmark]
    [BenchmarkCategory("Write")]
    public Task<int> StatusChangesInOneBatch() => JournalStatusChanges.SaveInOneBatchAsync(_store!, Interlocked.Increment(ref _round));
}
