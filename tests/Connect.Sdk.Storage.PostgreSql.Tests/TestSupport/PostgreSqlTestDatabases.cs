namespace Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;

/// <summary>
/// The databases of one test: a fresh copy of the migrated template, opened by as many <see cref="PostgreSqlDatabase"/>
/// instances as the test wants (each stands for a worker process with its own connections), all closed and the copy
/// dropped with the test.
/// </summary>
public sealed class PostgreSqlTestDatabases(PostgreSqlServer server) : IAsyncDisposable
{
    private readonly List<PostgreSqlDatabase> _opened = [];
    private string? _connectionString;

    /// <summary>
    /// Opens the test's database (creating it on the first call); each call is another "process". Leases and due work
    /// follow the callers' instants unless told otherwise, as the store contract kit simulates time with them.
    /// </summary>
    public async Task<PostgreSqlDatabase> OpenAsync(PostgreSqlClock clock = PostgreSqlClock.Caller)
    {
        var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = await ConnectionStringAsync(), Clock = clock });
        lock (_opened)
        {
            _opened.Add(database);
        }

        return database;
    }

    /// <summary>The test's database as a host would name it, for <c>UsePostgreSql</c> (creating it on the first call).</summary>
    public async Task<string> ConnectionStringAsync() => _connectionString ??= await server.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        List<PostgreSqlDatabase> opened;
        lock (_opened)
        {
            opened = [.. _opened];
        }

        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await server.DropDatabaseAsync(_connectionString);
        }
    }
}
