using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>
/// The ledger and the staging area share one file: recording an import marks the staged order handed over in the
/// same transaction, so the two never disagree, whichever process looks.
/// </summary>
public sealed class SqliteOrderHandOverAtomicityTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly SqliteTestFiles _files = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryRecord_StagedOrHeldOrder_MarksItHandedOverWithTheErpId(bool held)
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        var staging = new SqliteOrderStagingStore(database);
        await staging.StageAsync(Shop, [Order("1001")], null, T0, lease, CancellationToken.None);
        if (held)
        {
            await staging.HoldAsync(Shop, "1001", "No ERP article for SKU-7", lease, CancellationToken.None);
        }

        Assert.True(await new SqliteImportedOrderLedger(database).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));

        var read = await staging.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.HandedOver, read.State);
        Assert.Equal("ERP-77", read.ErpOrderId);
        Assert.Null(read.HoldReason);
        Assert.Empty(await ToListAsync(staging.ListPendingAsync(Shop, CancellationToken.None)));
    }

    [Fact]
    public async Task TryRecord_AlreadyRecordedByAnotherWorker_MarksTheStagedOrderWithTheLedgersErpId()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        var staging = new SqliteOrderStagingStore(database);
        var ledger = new SqliteImportedOrderLedger(database);
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-FIRST", T0), lease, CancellationToken.None));
        await staging.StageAsync(Shop, [Order("1001")], null, T0, lease, CancellationToken.None);

        Assert.False(await new SqliteImportedOrderLedger(_files.Open()).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-SECOND", T0), lease, CancellationToken.None));

        var read = await staging.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.Equal(StagedOrderState.HandedOver, read?.State);
        Assert.Equal("ERP-FIRST", read?.ErpOrderId);
    }

    [Fact]
    public async Task TryRecord_ThenMarkHandedOver_TheRepeatChangesNothing()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        var staging = new SqliteOrderStagingStore(database);
        await staging.StageAsync(Shop, [Order("1001")], null, T0, lease, CancellationToken.None);
        await new SqliteImportedOrderLedger(database).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None);
        var recorded = await staging.GetAsync(Shop, "1001", CancellationToken.None);

        await staging.MarkHandedOverAsync(Shop, "1001", "ERP-77", lease, CancellationToken.None);
        await staging.MarkHandedOverAsync(Shop, "1001", "ERP-OTHER", lease, CancellationToken.None);

        var read = await staging.GetAsync(Shop, "1001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(StagedOrderState.HandedOver, read.State);
        Assert.Equal("ERP-77", read.ErpOrderId);
        Assert.Equal(recorded?.StagedAt, read.StagedAt);
    }

    /// <summary>
    /// A failure between the ledger insert and the staging update (a trigger aborting the update stands in for a
    /// crash) rolls the ledger insert back too: the order stays staged and unrecorded, and the next run hands it over
    /// again under the same idempotency key and records both.
    /// </summary>
    [Fact]
    public async Task TryRecord_StagingUpdateFails_LeavesNeitherTheLedgerEntryNorTheStagedChange()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        var staging = new SqliteOrderStagingStore(database);
        var ledger = new SqliteImportedOrderLedger(database);
        await staging.StageAsync(Shop, [Order("1001")], null, T0, lease, CancellationToken.None);
        await ExecuteAsync(database, "CREATE TRIGGER crash BEFORE UPDATE ON staged_orders WHEN NEW.state = 'HandedOver' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () =>
            await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));

        Assert.Null(await ledger.FindAsync(Shop, "1001", CancellationToken.None));
        Assert.Equal(StagedOrderState.Staged, (await staging.GetAsync(Shop, "1001", CancellationToken.None))?.State);

        await ExecuteAsync(database, "DROP TRIGGER crash;");
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));
        Assert.Equal("ERP-77", (await staging.GetAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
    }

    [Fact]
    public async Task TryRecord_NeverStaged_RecordsOnlyTheLedger()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();

        Assert.True(await new SqliteImportedOrderLedger(database).TryRecordAsync(new ImportedOrder(Shop, "1001", "ERP-77", T0), lease, CancellationToken.None));

        Assert.Null(await new SqliteOrderStagingStore(database).GetAsync(Shop, "1001", CancellationToken.None));
        Assert.Equal("ERP-77", (await new SqliteImportedOrderLedger(database).FindAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
    }

    /// <summary>
    /// A reader in another "process" polls while orders are recorded: it never sees a ledger entry whose staged order
    /// is still pending, nor a handed-over staged order without its ledger entry. Each check reads staging first and
    /// the ledger second, so a record landing between the two reads can only make the ledger look ahead, never behind.
    /// </summary>
    [Fact]
    public async Task TryRecord_ReaderOnAnotherDatabase_NeverSeesLedgerAndStagingDisagree()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        const int Orders = 60;
        var writerDatabase = _files.Open();
        var staging = new SqliteOrderStagingStore(writerDatabase);
        var ledger = new SqliteImportedOrderLedger(writerDatabase);
        var numbers = Enumerable.Range(0, Orders).Select(i => "N-" + i).ToArray();
        await staging.StageAsync(Shop, numbers.Select(Order).ToArray(), null, T0, lease, CancellationToken.None);
        var readerDatabase = _files.Open();
        var readerStaging = new SqliteOrderStagingStore(readerDatabase);
        var readerLedger = new SqliteImportedOrderLedger(readerDatabase);
        using var done = new CancellationTokenSource();

        var write = Task.Run(async () =>
        {
            try
            {
                foreach (var number in numbers)
                {
                    await ledger.TryRecordAsync(new ImportedOrder(Shop, number, "ERP-" + number, T0), lease, CancellationToken.None);
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });

        var read = Task.Run(async () =>
        {
            var problems = new List<string>();
            var checks = 0;
            while (!done.IsCancellationRequested || checks == 0)
            {
                var number = numbers[checks++ % Orders];
                var staged = await readerStaging.GetAsync(Shop, number, CancellationToken.None);
                var recorded = await readerLedger.FindAsync(Shop, number, CancellationToken.None);
                if (staged?.State == StagedOrderState.HandedOver && recorded is null)
                {
                    problems.Add($"{number} handed over without a ledger entry");
                }
            }

            return problems;
        });

        await Task.WhenAll(write, read);
        Assert.Empty(await read);
        foreach (var number in numbers)
        {
            var staged = await readerStaging.GetAsync(Shop, number, CancellationToken.None);
            Assert.Equal(StagedOrderState.HandedOver, staged?.State);
            Assert.Equal("ERP-" + number, staged?.ErpOrderId);
        }
    }

    [Fact]
    public async Task TryRecordMany_PageWithOneOrderRecordedBefore_RecordsTheRestAndMarksEveryStagedOrderWithTheLedgersErpId()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        var staging = new SqliteOrderStagingStore(database);
        var ledger = new SqliteImportedOrderLedger(database);
        await staging.StageAsync(Shop, [Order("1001"), Order("1002"), Order("1003")], null, T0, lease, CancellationToken.None);
        Assert.True(await ledger.TryRecordAsync(new ImportedOrder(Shop, "1002", "ERP-FIRST", T0), lease, CancellationToken.None));

        var recorded = await ledger.TryRecordManyAsync(
            [new(Shop, "1001", "ERP-1", T0), new(Shop, "1002", "ERP-2", T0), new(Shop, "1003", "ERP-3", T0)], lease, CancellationToken.None);

        Assert.Equal([true, false, true], recorded);
        var found = await ledger.FindManyAsync(Shop, ["1001", "1002", "1003", "1004"], CancellationToken.None);
        Assert.Equal(["1001", "1002", "1003"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ERP-FIRST", found["1002"].ErpOrderId);
        Assert.Equal("ERP-FIRST", (await staging.GetAsync(Shop, "1002", CancellationToken.None))?.ErpOrderId);
        Assert.Equal("ERP-3", (await staging.GetAsync(Shop, "1003", CancellationToken.None))?.ErpOrderId);
        Assert.Empty(await ToListAsync(staging.ListPendingAsync(Shop, CancellationToken.None)));
    }

    /// <summary>A page is recorded in one transaction: a failure at its last order leaves none of it recorded or handed over.</summary>
    [Fact]
    public async Task TryRecordMany_FailingAtTheLastOrder_LeavesTheWholePageStagedAndUnrecorded()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var database = _files.Open();
        var staging = new SqliteOrderStagingStore(database);
        var ledger = new SqliteImportedOrderLedger(database);
        await staging.StageAsync(Shop, [Order("1001"), Order("1002")], null, T0, lease, CancellationToken.None);
        await ExecuteAsync(database, "CREATE TRIGGER crash BEFORE UPDATE ON staged_orders WHEN NEW.order_number = '1002' AND NEW.state = 'HandedOver' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () =>
            await ledger.TryRecordManyAsync([new(Shop, "1001", "ERP-1", T0), new(Shop, "1002", "ERP-2", T0)], lease, CancellationToken.None));

        Assert.Empty(await ledger.FindManyAsync(Shop, ["1001", "1002"], CancellationToken.None));
        Assert.Equal(2, (await ToListAsync(staging.ListPendingAsync(Shop, CancellationToken.None))).Count);
    }

    [Fact]
    public async Task MarkHandedOverMany_StagedAndHeldOrders_MarksEachWithItsErpId()
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var staging = new SqliteOrderStagingStore(_files.Open());
        await staging.StageAsync(Shop, [Order("1001"), Order("1002")], null, T0, lease, CancellationToken.None);
        await staging.HoldAsync(Shop, "1002", "No ERP article for SKU-7", lease, CancellationToken.None);

        await staging.MarkHandedOverManyAsync([new(Shop, "1001", "ERP-1", T0), new(Shop, "1002", "ERP-2", T0)], lease, CancellationToken.None);

        Assert.Equal("ERP-1", (await staging.GetAsync(Shop, "1001", CancellationToken.None))?.ErpOrderId);
        var held = await staging.GetAsync(Shop, "1002", CancellationToken.None);
        Assert.Equal(StagedOrderState.HandedOver, held?.State);
        Assert.Null(held?.HoldReason);
    }

    public void Dispose() => _files.Dispose();

    private static async Task ExecuteAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private static MarketplaceOrder Order(string number) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "900" + number,
        CreatedAt = T0,
        UpdatedAt = T0,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [],
        ShippingCost = new Money(0m, CurrencyCode.Eur),
    };
}
