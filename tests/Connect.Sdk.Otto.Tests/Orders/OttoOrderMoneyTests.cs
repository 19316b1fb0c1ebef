using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Tests.TestSupport;

namespace Connect.Sdk.Otto.Tests.Orders;

/// <summary>An order with a piece discount and a voucher on the whole order, served by the fake as OTTO states them, imported through the SDK.</summary>
public sealed class OttoOrderMoneyTests
{
    [Fact]
    public async Task Import_PieceDiscountAndOrderDiscount_TheErpBooksWhatTheBuyerPaid()
    {
        await using var market = await OttoTestMarket.StartAsync(features: [FeatureKind.Orders]);
        await market.MapArticleAsync(1, 100, 100);
        var plain = TestOrders.Order(4711, market.Host.Clock.GetCurrentInstant(), quantity: 3);
        var seeded = plain with
        {
            Lines = [plain.Lines[0] with { UnitPrice = new Money(12.49m, CurrencyCode.Eur), Discount = new Money(1.50m, CurrencyCode.Eur) }],
            Fees = [new OrderFee { Title = "Voucher", Amount = new Money(-5.00m, CurrencyCode.Eur) }],
        };
        market.Fake.SeedOrder(seeded);

        await market.Host.RunDueAsync();

        // 3 × 12.49 + 4.95 − 5.00: the voucher spread over the line, the piece discount not booked twice.
        var order = Assert.Single(market.Host.Orders.Orders).Order;
        Assert.Equal(new Money(37.42m, CurrencyCode.Eur), order.Total);
        Assert.Equal(new Money(37.42m, CurrencyCode.Eur), MappedTotal.Of(order).Sum);
        Assert.Equal(new Money(32.47m, CurrencyCode.Eur), Assert.Single(order.Lines).Total);
    }
}
