using Connect.Sdk.Storage.Sqlite.Schema;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Storage.Sqlite.Tests.Schema;

/// <summary>A file at rate_budgets migration 2 is migrated to flights by process and keeps every account's state.</summary>
public sealed class RateBudgetMigrationTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Migrate_FileBeforeFlights_KeepsEachAccountAndLeasesItsUnitsInFlightForTenMinutesFromFullAt()
    {
        var previous = _files.Open();
        Directory.CreateDirectory(Path.GetDirectoryName(previous.Path)!);
        await using (var connection = await previous.OpenConnectionAsync(CancellationToken.None))
        {
            var beforeFlights = SqliteSchema.Migrations.Where(m => m.Module != "rate_budgets" || m.Version < 3).ToList();
            await SqliteMigrator.MigrateAsync(connection, beforeFlights, CancellationToken.None);
            await using var command = connection.Command(null, RateBudgetRowsBeforeFlights.Insert);
            await command.ExecuteNonQueryAsync();
        }

        await RateBudgetRowsBeforeFlights.AssertMigratedAsync(new SqliteRateBudgetStore(_files.Open()));
    }
}
