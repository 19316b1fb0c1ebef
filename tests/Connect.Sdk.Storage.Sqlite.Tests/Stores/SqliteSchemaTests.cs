using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>Migrating a new file creates every module's tables and records each step once.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    [Theory]
    [InlineData("staging", "staged_orders")]
    [InlineData("staging", "order_cursors")]
    [InlineData("outbox", "order_status_outbox")]
    [InlineData("leases", "work_leases")]
    [InlineData("stock_rules", "stock_rules")]
    [InlineData("stock_state", "stock_sent")]
    [InlineData("price_rules", "price_rules")]
    [InlineData("price_state", "price_sent")]
    [InlineData("alerts", "alert_subscriptions")]
    [InlineData("alerts", "alert_delivery_states")]
    [InlineData("secrets", "secrets")]
    public async Task Migrate_NewFile_CreatesTheModulesTablesAndRecordsVersionOne(string module, string table)
    {
        var database = _files.Open();
        await database.MigrateAsync(CancellationToken.None);
        await _files.Open().MigrateAsync(CancellationToken.None);

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = $name;", table));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_migrations WHERE module = $name AND version = 1;", module));
    }

    [Theory]
    [InlineData("SELECT order_number FROM staged_orders WHERE connection = 'c' AND state = 'Staged' AND (updated_at, order_number) > (0, '') ORDER BY updated_at, order_number LIMIT 500;", "staged_orders_pending")]
    [InlineData("SELECT order_number FROM order_status_outbox WHERE connection = 'c' AND sequence > handled_sequence AND (changed_at, order_number) > (0, '') ORDER BY changed_at, order_number LIMIT 500;", "order_status_outbox_pending")]
    [InlineData("SELECT quantity FROM stock_sent WHERE connection = 'c' AND article_number IN (SELECT value FROM json_each('[\"A\"]'));", "PRIMARY KEY")]
    [InlineData("SELECT amount FROM price_sent WHERE connection = 'c' AND article_number IN (SELECT value FROM json_each('[\"A\"]'));", "PRIMARY KEY")]
    public async Task QueryPlan_ListQueries_UseTheirIndexWithoutSortingOrScanning(string query, string index)
    {
        var database = _files.Open();
        await database.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var text = string.Join(" | ", plan);
        Assert.Contains(index, text, StringComparison.Ordinal);
        Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN staged_orders", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN order_status_outbox", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN stock_sent", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN price_sent", text, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
