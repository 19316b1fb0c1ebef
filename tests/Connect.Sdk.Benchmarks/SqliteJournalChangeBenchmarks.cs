using BenchmarkDotNet.Attributes;
using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// Journal status changes as a run makes them, read and written, on the article tab of <see cref="JournalStatusChanges"/>
/// after fifty changes of every entry of the batch, so that each history is at the bound of fifty lines and a tenth of
/// the entries fold on each change: the state of a tab a connection has synced for weeks. The baseline reads the batch
/// once and saves every change on its own; <see cref="ChangesInOneBatch"/> is <c>SyncJournal.ChangeManyAsync</c>'s read
/// and save of 1,000 changes; <see cref="SendInOneBatch"/> is a stock run's batch, 2,000 changes (Running, then the
/// outcome) with one read.
/// </summary>
[MemoryDiagnoser]
public class SqliteJournalChangeBenchmarks
{
    private SqliteJournalTab? _tab;
    private SqliteJournalStore? _store;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _tab = new SqliteJournalTab();
        _store = _tab.Store;
        _round = _tab.GrowHistoriesToTheBound();
    }

    [GlobalCleanup]
    public void Cleanup() => _tab?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> ChangesOneByOne() => JournalStatusChanges.SaveOneByOneAsync(_store!, ++_round);

    [Benchmark]
    public Task<int> ChangesInOneBatch() => JournalStatusChanges.SaveInOneBatchAsync(_store!, ++_round);

    /// <summary>Two changes per entry, in two rounds, the first of them odd: Running, then the outcome.</summary>
    [Benchmark]
    public Task<int> SendInOneBatch()
    {
        var running = _round % 2 == 0 ? _round + 1 : _round + 2;
        _round = running + 1;
        return JournalStatusChanges.SendInOneBatchAsync(_store!, running);
    }
}
