using BenchmarkDotNet.Attributes;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The write alone of a batch of 1,000 status changes in SQLite (<see cref="JournalStatusChanges"/>): each iteration's
/// setup reads the entries as the journal does and changes them, the measured part is the one
/// <c>TrySaveManyAsync</c>, against the same changes saved one by one (<c>TrySaveAsync</c>, a transaction each) as the
/// baseline. <see cref="SqliteJournalBatchBenchmarks"/> measures read and write together.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class SqliteJournalSaveBenchmarks() : SqliteJournalTabBenchmarks(historiesAtTheBound: true)
{
    private JournalEntry[] _changes = [];

    [IterationSetup]
    public void ReadAndChange() => _changes = JournalStatusChanges.ReadAndChangeAsync(Store, ++Round).GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<int> SaveOneByOne()
    {
        var saved = 0;
        foreach (var change in _changes)
        {
            saved += await Store.TrySaveAsync(change, CancellationToken.None) is null ? 0 : 1;
        }

        return saved;
    }

    [Benchmark]
    public async Task<int> SaveInOneBatch() => (await Store.TrySaveManyAsync(_changes, CancellationToken.None)).Count(e => e is not null);
}
