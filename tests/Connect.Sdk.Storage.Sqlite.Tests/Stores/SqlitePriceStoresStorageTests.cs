using System.Reflection;
using Connect.Sdk.Prices;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>How the SQLite price stores keep amounts in the file, beyond what the store kit can see through the interfaces.</summary>
public sealed class SqlitePriceStoresStorageTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task SavePrices_Amounts_AreStoredAsExactTextNeverReal()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        await new SqlitePriceSyncStateStore(database).SaveAsync(Shop, [new SentPrice("A-1", new Money(23.90m, CurrencyCode.Eur), new Money(0.1m, CurrencyCode.Eur), T0)], lease, CancellationToken.None);
        await new SqlitePriceRulesStore(database).SetAsync(Shop, new PriceRules { MarkupPercent = 19.00m, PriceEnding = 0.99m, Floor = 4.90m }, CancellationToken.None);

        Assert.Equal(
            ["text 23.90", "text 0.1"],
            await RowAsync(database, "SELECT typeof(amount) || ' ' || amount, typeof(compare_at_amount) || ' ' || compare_at_amount FROM price_sent;"));
        Assert.Equal(
            ["text 19.00", "text 0.99", "text 4.90"],
            await RowAsync(database, "SELECT typeof(markup_percent) || ' ' || markup_percent, typeof(price_ending) || ' ' || price_ending, typeof(floor_amount) || ' ' || floor_amount FROM price_rules;"));
    }

    [Fact]
    public void PriceRules_EveryProperty_HasAColumnInTheStore()
    {
        // A field added to PriceRules must get a column (a new migration step) and be read and written by
        // SqlitePriceRulesStore; until then this names the gap instead of the field being lost silently.
        string[] kept = [nameof(PriceRules.PriceList), nameof(PriceRules.Basis), nameof(PriceRules.Currency), nameof(PriceRules.MarkupPercent), nameof(PriceRules.PriceEnding), nameof(PriceRules.Floor)];

        var properties = typeof(PriceRules).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        Assert.Equal(kept.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static async Task<string[]> RowAsync(SqliteDatabase database, string sql)
    {
        await using SqliteConnection connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.Command(null, sql);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
    }
}
