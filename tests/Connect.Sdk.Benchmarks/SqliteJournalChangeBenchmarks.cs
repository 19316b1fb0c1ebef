using BenchmarkDotNet.Attributes;

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
public class SqliteJournalChangeBenchmarks() : SqliteJournalTabBenchmarks(historiesAtTheBound: true)
{
    [Benchmark(Baseline = true)]
    public Task<int> ChangesOneByOne() => JournalStatusChanges.SaveOneByOneAsync(Store, ++Round);

    [Benchmark]
    public Task<int> ChangesInOneBatch() => JournalStatusChanges.SaveInOneBatchAsync(Store, ++Round);

    /// <summary>Two changes per entry, in two rounds, the first of them odd: Running, then the outcome.</summary>
    [Benchmark]
    public Task<int> SendInOneBatch()
    {
        var running = Round % 2 == 0 ? Round + 1 : Round + 2;
        Round = running + 1;
        return JournalStatusChanges.SendInOneBatchAsync(Store, running);
    }
}
