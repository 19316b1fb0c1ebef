using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Benchmarks;

/// <summary>The journal write benchmarks' SQLite file: a folder of its own holding the tab of <see cref="JournalStatusChanges"/>, deleted on dispose.</summary>
internal sealed class SqliteJournalTab : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-bench", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;

    /// <summary>Creates the file and lists the tab's entries.</summary>
    public SqliteJournalTab()
    {
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = Path.Combine(_folder, "journal.db") });
        Store = new SqliteJournalStore(_database);
        Store.AddMissingAsync(JournalStatusChanges.Tab(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The store over the file.</summary>
    public SqliteJournalStore Store { get; }

    /// <summary>
    /// Changes every entry of the batch fifty times, one batch per round, so that each history is as long as the bound
    /// lets it grow and a tenth of the entries fold on each further change; returns the last round.
    /// </summary>
    public int GrowHistoriesToTheBound()
    {
        var round = 0;
        while (round < 50)
        {
            JournalStatusChanges.SaveInOneBatchAsync(Store, ++round).GetAwaiter().GetResult();
        }

        return round;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
