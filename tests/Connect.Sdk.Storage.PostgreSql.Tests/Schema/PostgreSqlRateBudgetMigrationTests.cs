using Connect.Sdk.Storage.PostgreSql.Schema;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.TestSupport;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Schema;

/// <summary>A database at rate_budgets migration 2 is migrated to flights by process and keeps every account's state.</summary>
public sealed class PostgreSqlRateBudgetMigrationTests(PostgreSqlServer server) : IAsyncDisposable
{
    private string? _connectionString;
    private PostgreSqlDatabase? _database;

    [Fact]
    public async Task MigrateAsync_DatabaseBeforeFlights_KeepsEachAccountAndLeasesItsUnitsInFlightForTenMinutesFromFullAt()
    {
        _connectionString = await server.CreateEmptyDatabaseAsync();
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var beforeFlights = PostgreSqlSchema.Migrations.Where(m => m.Module != "rate_budgets" || m.Version < 3).ToList();
            await PostgreSqlMigrator.MigrateAsync(connection, beforeFlights, CancellationToken.None);
            await using var command = new NpgsqlCommand(RateBudgetRowsBeforeFlights.Insert, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = _connectionString });
        await _database.MigrateAsync(CancellationToken.None);
        await RateBudgetRowsBeforeFlights.AssertMigratedAsync(new PostgreSqlRateBudgetStore(_database));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await server.DropDatabaseAsync(_connectionString);
        }
    }
}
