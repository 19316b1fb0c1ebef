using BenchmarkDotNet.Attributes;
using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// What the SQLite journal benchmarks share: a fresh <see cref="SqliteJournalTab"/> per benchmark, with its histories
/// grown to the bound first where <paramref name="historiesAtTheBound"/>, and the round each status change counts on.
/// </summary>
/// <param name="historiesAtTheBound">Whether every entry of the batch is changed fifty times before the measured runs.</param>
public abstract class SqliteJournalTabBenchmarks(bool historiesAtTheBound)
{
    private SqliteJournalTab? _tab;

    /// <summary>The store over the tab's file.</summary>
    protected SqliteJournalStore Store => _tab?.Store ?? throw new InvalidOperationException("The tab is set up by BenchmarkDotNet's global setup.");

    /// <summary>The last round of status changes made; a change makes the next one.</summary>
    protected int Round { get; set; }

    /// <summary>Creates the tab (and grows its histories).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _tab = new SqliteJournalTab();
        Round = historiesAtTheBound ? _tab.GrowHistoriesToTheBound() : 0;
    }

    /// <summary>Deletes the tab's file.</summary>
    [GlobalCleanup]
    public void Cleanup() => _tab?.Dispose();
}
