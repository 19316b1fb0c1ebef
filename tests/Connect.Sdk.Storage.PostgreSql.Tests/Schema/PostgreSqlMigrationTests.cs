using Connect.Sdk.Storage.PostgreSql.Schema;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Schema;

/// <summary>Each migration step is applied once, also when several processes start on an empty database at once.</summary>
public sealed class PostgreSqlMigrationTests(PostgreSqlServer server) : IAsyncDisposable
{
    private readonly List<PostgreSqlDatabase> _opened = [];
    private string? _connectionString;

    [Fact]
    public async Task MigrateAsync_ThreeProcessesOnAnEmptyDatabaseAtOnce_AppliesEachStepOnce()
    {
        _connectionString = await server.CreateEmptyDatabaseAsync();
        var processes = Enumerable.Range(0, 3).Select(_ => Open()).ToList();

        await Task.WhenAll(processes.Select(p => Task.Run(() => p.MigrateAsync(CancellationToken.None))));

        var applied = await AppliedStepsAsync();
        Assert.Equal(
            PostgreSqlSchema.Migrations.Select(m => $"{m.Module} {m.Version}").Order(StringComparer.Ordinal),
            applied);
    }

    [Fact]
    public async Task MigrateAsync_SecondStart_AppliesNothingAgain()
    {
        _connectionString = await server.CreateEmptyDatabaseAsync();
        await Open().MigrateAsync(CancellationToken.None);

        await Open().MigrateAsync(CancellationToken.None);

        Assert.Equal(PostgreSqlSchema.Migrations.Count, (await AppliedStepsAsync()).Count);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseOfANewerPackage_FailsNamingTheModuleAndVersion()
    {
        _connectionString = await server.CreateEmptyDatabaseAsync();
        await Open().MigrateAsync(CancellationToken.None);
        await ExecuteAsync("INSERT INTO schema_migrations (module, version, description) VALUES ('leases', 99, 'from the future');");

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => Open().MigrateAsync(CancellationToken.None));

        Assert.Contains("'leases' tables are at version 99", failure.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await server.DropDatabaseAsync(_connectionString);
        }
    }

    private PostgreSqlDatabase Open()
    {
        var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = _connectionString! });
        _opened.Add(database);
        return database;
    }

    private async Task<List<string>> AppliedStepsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT module || ' ' || version FROM schema_migrations ORDER BY (module || ' ' || version) COLLATE \"C\";", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(0));
        }

        return steps;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
