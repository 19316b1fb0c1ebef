using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>Pending lists longer than a page are streamed page by page in the in-memory stores' order, none lost or repeated.</summary>
public sealed class SqlitePendingPagesTests : IDisposable
{
    private const int Count = (2 * SqliteKeysetPages.PageSize) + 37;
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task ListPending_StagedOrdersOverSeveralPages_ListsEachOnceInTheInMemoryOrder()
    {
        // Few distinct change times, so that many orders tie and the order number decides.
        var orders = Enumerable.Range(0, Count).Select(i => Order("N-" + i, i % 7)).ToArray();
        var sqlite = new SqliteOrderStagingStore(_files.Open());
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var memoryLeases = new InMemoryWorkLeaseStore();
        var memoryLease = await memoryLeases.TryAcquireAsync(lease.Key, lease.Owner, T0, Duration.FromDays(1), CancellationToken.None);
        var memory = new InMemoryOrderStagingStore(memoryLeases);
        await sqlite.StageAsync(Shop, orders, null, T0, lease, CancellationToken.None);
        await memory.StageAsync(Shop, orders, null, T0, memoryLease!, CancellationToken.None);

        var listed = new List<string>();
        await foreach (var order in sqlite.ListPendingAsync(Shop, CancellationToken.None))
        {
            // Handing over while streaming, as a run does, must not skip or repeat any order.
            await sqlite.MarkHandedOverAsync(Shop, order.OrderNumber, "ERP-" + order.OrderNumber, lease, CancellationToken.None);
            listed.Add(order.OrderNumber);
        }

        var expected = new List<string>();
        await foreach (var order in memory.ListPendingAsync(Shop, CancellationToken.None))
        {
            expected.Add(order.OrderNumber);
        }

        Assert.Equal(expected, listed);
        await using var empty = sqlite.ListPendingAsync(Shop, CancellationToken.None).GetAsyncEnumerator();
        Assert.False(await empty.MoveNextAsync());
    }

    [Fact]
    public async Task ListPending_OutboxEntriesOverSeveralPages_ListsEachOnceInTheInMemoryOrder()
    {
        var sqlite = new SqliteOrderStatusOutbox(_files.Open());
        var memory = new InMemoryOrderStatusOutbox(new InMemoryWorkLeaseStore());
        for (var i = 0; i < Count; i++)
        {
            var update = new OrderStatusUpdate("N-" + i, "900" + i, OrderStatus.Shipped, []);
            await sqlite.RecordChangeAsync(Shop, update, T0 + Duration.FromMinutes(i % 7), CancellationToken.None);
            await memory.RecordChangeAsync(Shop, update, T0 + Duration.FromMinutes(i % 7), CancellationToken.None);
        }

        var listed = new List<string>();
        await foreach (var entry in sqlite.ListPendingAsync(Shop, CancellationToken.None))
        {
            listed.Add(entry.OrderNumber);
        }

        var expected = new List<string>();
        await foreach (var entry in memory.ListPendingAsync(Shop, CancellationToken.None))
        {
            expected.Add(entry.OrderNumber);
        }

        Assert.Equal(expected, listed);
    }

    public void Dispose() => _files.Dispose();

    private static MarketplaceOrder Order(string number, int minutes) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "900" + number,
        CreatedAt = T0,
        UpdatedAt = T0 + Duration.FromMinutes(minutes),
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [],
        ShippingCost = new Money(0m, CurrencyCode.Eur),
    };
}
