using Connect.Sdk.Storage.Sqlite.Schema;

namespace Connect.Sdk.Storage.Sqlite.Tests;

/// <summary>
/// Database files for one test in a folder of its own, deleted with the test. A second
/// <see cref="SqliteDatabase"/> on the same file stands in for a second process: it has its own connections.
/// </summary>
public sealed class SqliteTestFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _opened = [];

    /// <summary>The file every <see cref="Open"/> call uses unless told otherwise.</summary>
    public string DefaultPath => Path.Combine(_folder, "connect.db");

    /// <summary>Describes a database on a file of this test; another call with the same name is a second "process".</summary>
    public SqliteDatabase Open(string? fileName = null, int? checkpointPages = null)
    {
        var database = new SqliteDatabase(new SqliteStoreOptions { Path = fileName is null ? DefaultPath : Path.Combine(_folder, fileName) }, checkpointPages);
        lock (_opened)
        {
            _opened.Add(database);
        }

        return database;
    }

    /// <summary>
    /// Writes the default file as a package before journal migration <paramref name="version"/> left it (every other module
    /// up to date), with <paramref name="sql"/> run on it, and closes it: the next <see cref="Open"/> migrates it.
    /// </summary>
    public async Task WriteJournalBeforeAsync(int version, string sql)
    {
        Directory.CreateDirectory(_folder);
        var previous = Open();
        await using (var connection = await previous.OpenConnectionAsync(CancellationToken.None))
        {
            await SqliteMigrator.MigrateAsync(connection, SqliteSchema.Migrations.Where(m => m.Module != "journal" || m.Version < version).ToList(), CancellationToken.None);
            await using var write = connection.Command(null, sql);
            await write.ExecuteNonQueryAsync();
        }

        previous.Dispose();
    }

    public void Dispose()
    {
        lock (_opened)
        {
            _opened.ForEach(d => d.Dispose());
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
