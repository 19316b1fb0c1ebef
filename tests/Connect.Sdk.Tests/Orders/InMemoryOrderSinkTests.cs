using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

public sealed class InMemoryOrderSinkTests
{
    private static readonly ConnectionId Connection = new("shopify-de");

    [Fact]
    public async Task HandOver_SameIdempotencyKeyTwice_CreatesOneOrderAndReturnsTheFirstReference()
    {
        var sink = new InMemoryOrderSink();

        var first = await sink.HandOverAsync(HandOver("1001", key: "shopify-de/1001"), CancellationToken.None);
        var again = await sink.HandOverAsync(HandOver("1001", key: "shopify-de/1001"), CancellationToken.None);
        var other = await sink.HandOverAsync(HandOver("1002", key: "shopify-de/1002"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(["1001", "1002"], sink.Orders.Select(o => o.Order.OrderNumber));
    }

    [Fact]
    public async Task HandOver_ConcurrentRepeatsOfOneOrder_CreateItOnce()
    {
        var sink = new InMemoryOrderSink();

        var references = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(_ => Task.Run(async () => await sink.HandOverAsync(HandOver("1001", "k"), CancellationToken.None))));

        Assert.Single(references.Distinct());
        Assert.Single(sink.Orders);
    }

    private static OrderHandOver HandOver(string number, string key) => new(
        Connection,
        new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = "gid-" + number,
            CreatedAt = Instant.FromUtc(2026, 11, 23, 9, 0),
            UpdatedAt = Instant.FromUtc(2026, 11, 23, 9, 0),
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines = [],
            ShippingCost = Money.Zero(CurrencyCode.Eur),
        },
        new Dictionary<string, string>(),
        key);
}
