using Connect.Sdk.Orders;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

public sealed class InMemoryImportedOrderLedgerTests
{
    [Fact]
    public async Task TryRecord_SameOrderTwice_RecordsItOnce()
    {
        var (leases, lease) = await HeldLease.TakeAsync();
        var ledger = new InMemoryImportedOrderLedger(leases);
        var connection = new ConnectionId("shopify-de");
        var at = Instant.FromUtc(2026, 11, 23, 9, 0);

        var first = await ledger.TryRecordAsync(new ImportedOrder(connection, "1001", "ERP-1", at), lease, CancellationToken.None);
        var second = await ledger.TryRecordAsync(new ImportedOrder(connection, "1001", "ERP-2", at), lease, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("ERP-1", (await ledger.FindAsync(connection, "1001", CancellationToken.None))!.ErpOrderId);
        Assert.Null(await ledger.FindAsync(new ConnectionId("amazon-de"), "1001", CancellationToken.None));
    }
}
