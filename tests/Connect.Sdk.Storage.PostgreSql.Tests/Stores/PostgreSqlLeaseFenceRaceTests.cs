using Connect.Sdk.Orders;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Sync;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>
/// A guarded write and another worker's acquire of the lapsed lease, at once in two processes: the write either lands
/// while its lease is still the key's current one (before the acquire) or is refused and writes nothing — never after.
/// </summary>
public sealed class PostgreSqlLeaseFenceRaceTests(PostgreSqlServer server) : IAsyncDisposable
{
    private const string LeaseKey = "connection:shop";
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly PostgreSqlTestDatabases _databases = new(server);

    [Fact]
    public async Task TryRecord_RacingAnotherWorkersAcquire_LandsUnderItsOwnTokenOrIsRefused()
    {
        var writer = await _databases.OpenAsync();
        var ledger = new PostgreSqlImportedOrderLedger(writer);
        var writersLeases = new PostgreSqlWorkLeaseStore(writer);
        var othersLeases = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync());

        // The token the key had when the ledger row was inserted, as the inserting statement sees it.
        await writer.ExecuteSqlAsync($"""
            CREATE TABLE token_at_insert (order_number text PRIMARY KEY, token bigint);
            CREATE FUNCTION note_token() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO token_at_insert SELECT NEW.order_number, last_token FROM work_leases WHERE lease_key = '{LeaseKey}';
                RETURN NEW;
            END $$;
            CREATE TRIGGER note_token AFTER INSERT ON imported_orders FOR EACH ROW EXECUTE FUNCTION note_token();
            """);

        for (var round = 0; round < 30; round++)
        {
            var start = T0 + Duration.FromHours(round);
            var lease = await writersLeases.TryAcquireAsync(LeaseKey, "worker-a", start, Duration.FromMinutes(10), CancellationToken.None);
            Assert.NotNull(lease);
            var number = "R-" + round;

            var write = Task.Run(async () => await ledger.TryRecordAsync(new ImportedOrder(Shop, number, "ERP-" + round, start), lease, CancellationToken.None));
            var acquire = Task.Run(async () => await othersLeases.TryAcquireAsync(LeaseKey, "worker-b", start + Duration.FromMinutes(11), Duration.FromMinutes(10), CancellationToken.None));
            var taken = await acquire;
            Assert.NotNull(taken);

            var written = await ledger.FindAsync(Shop, number, CancellationToken.None);
            try
            {
                Assert.True(await write);
                Assert.NotNull(written);
                Assert.Equal(lease.Token, await TokenAtInsertAsync(writer, number));
            }
            catch (LeaseLostException)
            {
                Assert.Null(written);
                Assert.Null(await TokenAtInsertAsync(writer, number));
            }
        }
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    private static Task<long?> TokenAtInsertAsync(PostgreSqlDatabase database, string orderNumber) =>
        database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = new NpgsqlCommand("SELECT token FROM token_at_insert WHERE order_number = @number;", db, snapshot);
                command.Parameters.AddWithValue("number", orderNumber);
                return await command.ExecuteScalarAsync(ct) as long?;
            },
            CancellationToken.None).AsTask();
}
