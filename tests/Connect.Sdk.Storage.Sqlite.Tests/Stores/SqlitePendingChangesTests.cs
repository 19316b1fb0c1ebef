using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>
/// An order changed while its pending list streams moves to a later position; the stream still yields it at most
/// once, as the in-memory stores' snapshot does, whether the change lands past the stream's end or inside it.
/// </summary>
public sealed class SqlitePendingChangesTests : IDisposable
{
    private const int Count = (2 * SqliteKeysetPages.PageSize) + 37;
    private static readonly ConnectionId Shop = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly SqliteTestFiles _files = new();

    [Theory]
    [InlineData(5)] // Inside the stream: onto a page not read yet.
    [InlineData(60)] // After every pending order: past the stream's end.
    public async Task ListPending_StagedOrderChangedWhileStreaming_YieldsItAtMostOnce(int newMinutes)
    {
        var lease = await SqliteTestLease.HoldAsync(_files.Open());
        var sqlite = new SqliteOrderStagingStore(_files.Open());
        await sqlite.StageAsync(Shop, Enumerable.Range(0, Count).Select(i => Order("N-" + i, i % 7)).ToArray(), null, T0, lease, CancellationToken.None);

        var listed = new List<string>();
        await foreach (var order in sqlite.ListPendingAsync(Shop, CancellationToken.None))
        {
            if (listed.Count == 0)
            {
                // The marketplace changed the first order after the stream read it: newer data, a later position.
                await sqlite.StageAsync(Shop, [Order(order.OrderNumber, newMinutes)], null, T0, lease, CancellationToken.None);
            }

            listed.Add(order.OrderNumber);
        }

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, listed.Count);
    }

    [Theory]
    [InlineData(5)] // Inside the stream: onto a page not read yet.
    [InlineData(60)] // After every pending entry: past the stream's end.
    public async Task ListPending_OutboxEntryChangedWhileStreaming_YieldsItAtMostOnce(int newMinutes)
    {
        var sqlite = new SqliteOrderStatusOutbox(_files.Open());
        for (var i = 0; i < Count; i++)
        {
            await sqlite.RecordChangeAsync(Shop, Update("N-" + i), T0 + Duration.FromMinutes(i % 7), CancellationToken.None);
        }

        var listed = new List<string>();
        await foreach (var entry in sqlite.ListPendingAsync(Shop, CancellationToken.None))
        {
            if (listed.Count == 0)
            {
                // The ERP reported the first order again after the stream read it.
                await sqlite.RecordChangeAsync(Shop, Update(entry.OrderNumber), T0 + Duration.FromMinutes(newMinutes), CancellationToken.None);
            }

            listed.Add(entry.OrderNumber);
        }

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, listed.Count);

        // The change left for the next listing is still pending there.
        var first = listed[0];
        var again = new List<string>();
        await foreach (var entry in sqlite.ListPendingAsync(Shop, CancellationToken.None))
        {
            again.Add(entry.OrderNumber);
        }

        Assert.Contains(first, again);
    }

    public void Dispose() => _files.Dispose();

    private static OrderStatusUpdate Update(string number) => new(number, "900" + number, OrderStatus.Shipped, []);

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
