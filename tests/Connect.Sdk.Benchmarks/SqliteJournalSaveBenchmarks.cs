using BenchmarkDotNet.Attributes;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The write alone of a batch of 1,000 status changes in SQLite (<see cref="JournalStatusChanges"/>): each iteration's
/// setup reads the entries as the journal does and changes them, the measured part is the one
/// <c>TrySaveManyAsync</c>, against the same changes saved one by one (<c>TrySaveAsync</c>, a transaction each) as the
/// baseline. <see cref="SqliteJournalBatchBenchmarks"/> measures read and write together.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class SqliteJournalSaveBenchmarks
{
    private SqliteJournalTab? _tab;
    private SqliteJournalStore? _store;
    private JournalEntry[] _changes = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _tab = new SqliteJournalTab();
        _store = _tab.Store;
        _round = _tab.GrowHistoriesToTheBound();
    }

    [IterationSetup]
    public void ReadAndChange() => _changes = JournalStatusChanges.ReadAndChangeAsync(_store!, ++_round).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _tab?.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> SaveOneByOne()
    {
        var saved = 0;
        foreach (var change in _changes)
        {
            saved += await _store!.TrySaveAsync(change, CancellationToken.None) is null ? 0 : 1;
        }

        return saved;
    }

    [Benchmark]
    public async Task<int> SaveInOneBatch() => (await _store!.TrySaveManyAsync(_changes, CancellationToken.None)).Count(e => e is not null);
}
