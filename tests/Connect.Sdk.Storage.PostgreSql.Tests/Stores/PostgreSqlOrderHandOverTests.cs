using Connect.Sdk.Orders;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>
/// The ledger and the staging area share one database: recording an import marks the staged order handed over in the
/// same transaction, and two workers staging one order at once never lose its newer version.
/// </summary>
public sealed class PostgreSqlOrderHandOverTests(PostgreSqlServer server) : IAsyncDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly PostgreSqlTestDatabases _databases = new(server);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryRecord_StagedOrHeldOrder_MarksItHandedOverWithTheErpId(bool held)
    {
        var database = await _databases.OpenAsync();
        var lease = await PostgreSqlTestLease.HoldAsync(database);
        var staging = new PostgreSqlOrderStagingStore(database);
        await staging.StageAsync(Shop, [Order("1001", 0)], null, T0, lease, CancellationToken.None);
        if (held)
        {
            await staging.HoldAsync(Shop, "1001", "No ERP article for SKU-7", lease, CancellationToken.None);
        }

        Assert.True(await new PostgreSqlImportedOrderLedger(await _databases.OpenAsync()).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));

        var read = await staging.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.HandedOver, read.State);
        Assert.Equal("ERP-77", read.ErpOrderId);
        Assert.Null(read.HoldReason);
    }

    [Fact]
    public async Task TryRecord_AlreadyRecordedByAnotherWorker_MarksTheStagedOrderWithTheLedgersErpId()
    {
        var database = await _databases.OpenAsync();
        var lease = await PostgreSqlTestLease.HoldAsync(database);
        var staging = new PostgreSqlOrderStagingStore(database);
        Assert.True(await new PostgreSqlImportedOrderLedger(database).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-FIRST", T0), lease, CancellationToken.None));
        await staging.StageAsync(Shop, [Order("1001", 0)], null, T0, lease, CancellationToken.None);

        Assert.False(await new PostgreSqlImportedOrderLedger(await _databases.OpenAsync()).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-SECOND", T0), lease, CancellationToken.None));

        var read = await staging.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.Equal(StagedOrderState.HandedOver, read?.State);
        Assert.Equal("ERP-FIRST", read?.ErpOrderId);
    }

    [Fact]
    public async Task TryRecordMany_PageWithOneOrderRecordedBefore_RecordsTheRestAndMarksEveryStagedOrderWithTheLedgersErpId()
    {
        var database = await _databases.OpenAsync();
        var lease = await PostgreSqlTestLease.HoldAsync(database);
        var staging = new PostgreSqlOrderStagingStore(database);
        var ledger = new PostgreSqlImportedOrderLedger(database);
        await staging.StageAsync(Shop, [Order("1001", 0), Order("1002", 0), Order("1003", 0)], null, T0, lease, CancellationToken.None);
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1002", "ERP-FIRST", T0), lease, CancellationToken.None));

        var recorded = await ledger.TryRecordManyAsync(
            [new(Shop, "1001", "ERP-1", T0), new(Shop, "1002", "ERP-2", T0), new(Shop, "1003", "ERP-3", T0)], lease, CancellationToken.None);

        Assert.Equal([true, false, true], recorded);
        var found = await ledger.FindManyAsync(Shop, ["1001", "1002", "1003", "1004"], CancellationToken.None);
        Assert.Equal(["1001", "1002", "1003"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(T0, found["1001"].ImportedAt);
        Assert.Equal("ERP-FIRST", (await staging.GetAsync(Shop, "1002", CancellationToken.None))?.ErpOrderId);
        Assert.Equal("ERP-3", (await staging.GetAsync(Shop, "1003", CancellationToken.None))?.ErpOrderId);

        await staging.MarkHandedOverManyAsync([new(Shop, "1001", "ERP-OTHER", T0)], lease, CancellationToken.None);
        Assert.Equal("ERP-1", (await staging.GetAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
    }

    /// <summary>
    /// A failure between the ledger insert and the staging update (a trigger raising an error stands in for a crash)
    /// rolls the ledger insert back too: the order stays staged and unrecorded.
    /// </summary>
    [Fact]
    public async Task TryRecord_StagingUpdateFails_LeavesNeitherTheLedgerEntryNorTheStagedChange()
    {
        var database = await _databases.OpenAsync();
        var lease = await PostgreSqlTestLease.HoldAsync(database);
        var staging = new PostgreSqlOrderStagingStore(database);
        var ledger = new PostgreSqlImportedOrderLedger(database);
        await staging.StageAsync(Shop, [Order("1001", 0)], null, T0, lease, CancellationToken.None);
        await database.ExecuteSqlAsync("""
            CREATE FUNCTION simulated_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$;
            CREATE TRIGGER crash BEFORE UPDATE ON staged_orders FOR EACH ROW WHEN (NEW.state = 'HandedOver') EXECUTE FUNCTION simulated_crash();
            """);

        await Assert.ThrowsAsync<PostgresException>(async () =>
            await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));

        Assert.Null(await ledger.FindAsync(Shop, "1001", CancellationToken.None));
        Assert.Equal(StagedOrderState.Staged, (await staging.GetAsync(Shop, "1001", CancellationToken.None))?.State);
    }

    /// <summary>Two workers stage one order at once, one with a newer version: whatever the interleaving, the newer version is kept.</summary>
    [Fact]
    public async Task Stage_TwoWorkersRacingWithANewerAndAnOlderVersion_KeepsTheNewer()
    {
        var database = await _databases.OpenAsync();
        var lease = await PostgreSqlTestLease.HoldAsync(database);
        var first = new PostgreSqlOrderStagingStore(database);
        var second = new PostgreSqlOrderStagingStore(await _databases.OpenAsync());

        for (var round = 0; round < 30; round++)
        {
            var number = "R-" + round;
            await Task.WhenAll(
                Task.Run(async () => await first.StageAsync(Shop, [Order(number, 5)], null, T0, lease, CancellationToken.None)),
                Task.Run(async () => await second.StageAsync(Shop, [Order(number, 1)], null, T0, lease, CancellationToken.None)));

            var stored = await first.GetAsync(Shop, number, CancellationToken.None);
            Assert.Equal(T0 + Duration.FromMinutes(5), stored?.Order.UpdatedAt);
        }
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();


    private static MarketplaceOrder Order(string number, int updatedMinutes) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "900" + number,
        CreatedAt = T0,
        UpdatedAt = T0 + Duration.FromMinutes(updatedMinutes),
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [],
        ShippingCost = new Money(0m, CurrencyCode.Eur),
    };
}
