using Connect.Sdk.Storage.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Storage.Sqlite.Tests.Schema;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task Migrate_NewFile_AppliesEveryModuleToItsLatestVersionInWalMode()
    {
        var database = _files.Open();

        await database.MigrateAsync(CancellationToken.None);

        var expected = SqliteSchema.Migrations.GroupBy(m => m.Module).ToDictionary(g => g.Key, g => (long)g.Max(m => m.Version));
        Assert.Equal(expected, await AppliedVersionsAsync(database));
        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Migrate_TwoDatabasesOnOneFileAtOnce_EachStepAppliedOnce()
    {
        var first = _files.Open();
        var second = _files.Open();

        await Task.WhenAll(first.MigrateAsync(CancellationToken.None), second.MigrateAsync(CancellationToken.None));

        Assert.Equal((long)SqliteSchema.Migrations.Count, await ScalarAsync(first, "SELECT COUNT(*) FROM schema_migrations;"));
    }

    [Fact]
    public async Task Migrate_FileMigratedByANewerPackage_RefusesNamingTheModule()
    {
        var database = _files.Open();
        await database.MigrateAsync(CancellationToken.None);
        await ExecuteAsync(database, "INSERT INTO schema_migrations (module, version, description, applied_at) VALUES ('ledger', 99, 'from the future', '2030-01-01');");

        var refused = await Assert.ThrowsAsync<ConnectSdkException>(() => _files.Open().MigrateAsync(CancellationToken.None));

        Assert.Contains("'ledger' tables are at version 99", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FileOfThePackageBeforePrices_AddsThePriceTablesAndKeepsTheData()
    {
        var previous = _files.Open();
        Directory.CreateDirectory(Path.GetDirectoryName(previous.Path)!);
        await using (var connection = await previous.OpenConnectionAsync(CancellationToken.None))
        {
            var beforePrices = SqliteSchema.Migrations.Where(m => m.Module is not ("price_rules" or "price_state")).ToList();
            await SqliteMigrator.MigrateAsync(connection, beforePrices, CancellationToken.None);
            await using var command = connection.Command(null, "INSERT INTO stock_rules (connection, safety_buffer, publish_percentage, cap) VALUES ('shop', '2.50', 80, NULL);");
            await command.ExecuteNonQueryAsync();
        }

        var current = _files.Open();
        var shop = new ConnectionId("shop");
        var rules = new Prices.PriceRules { Currency = CurrencyCode.Chf, Floor = 4.90m };
        await new SqlitePriceRulesStore(current).SetAsync(shop, rules, CancellationToken.None);

        Assert.Equal(rules, await new SqlitePriceRulesStore(_files.Open()).GetAsync(shop, CancellationToken.None));
        Assert.Equal(new Stock.StockRules { SafetyBuffer = 2.50m, PublishPercentage = 80 }, await new SqliteStockRulesStore(current).GetAsync(shop, CancellationToken.None));
        var versions = await AppliedVersionsAsync(current);
        Assert.Equal(1L, versions["price_rules"]);
        Assert.Equal(1L, versions["price_state"]);
    }

    [Fact]
    public async Task Migrate_FileInAFolderThatDoesNotExist_CreatesTheFolder()
    {
        var database = _files.Open(Path.Combine("nested", "deeper", "connect.db"));

        await database.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(database.Path));
    }

    [Theory]
    [InlineData("", "Path is empty")]
    [InlineData("   ", "Path is empty")]
    public void Create_EmptyPath_NamesTheOption(string path, string expected)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => new SqliteDatabase(new SqliteStoreOptions { Path = path }));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeBusyTimeout_NamesTheOption()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => new SqliteDatabase(new SqliteStoreOptions { Path = "x.db", BusyTimeout = NodaTime.Duration.FromSeconds(-1) }));

        Assert.Contains("BusyTimeout", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static async Task<Dictionary<string, long>> AppliedVersionsAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.Command(null, "SELECT module, MAX(version) FROM schema_migrations GROUP BY module;");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    private static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.Command(null, sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(SqliteDatabase database, string sql)
    {
        await using SqliteConnection connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.Command(null, sql);
        await command.ExecuteNonQueryAsync();
    }
}
