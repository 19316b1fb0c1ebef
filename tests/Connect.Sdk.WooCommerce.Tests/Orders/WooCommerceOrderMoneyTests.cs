using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using CsCheck;
using NodaTime;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Orders;

/// <summary>What the ERP books for a WooCommerce order is what the buyer paid: coupons, fees and free shipping included.</summary>
public sealed class WooCommerceOrderMoneyTests
{
    [Fact]
    public async Task Import_CouponAndFreeShipping_TheErpBooksTheOrderTotal()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        shop.Fake.SeedOrder(PromotionOrder(shop));

        await shop.Host.RunDueAsync();

        // WooCommerce renders subtotal 16.81 + tax 3.19 before the coupon, total 15.13 + tax 2.87 after it, a 0.00
        // free_shipping line: total 18.00.
        PromotionOrders.AssertBookedAsPaid(Assert.Single(shop.Host.Orders.Orders).Order);
    }

    [Fact]
    public async Task Import_StatedTotalThatDoesNotAddUp_HoldsTheOrderNamingBothSums()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        await shop.MapArticleAsync(1, 100, 100);
        shop.Fake.SeedOrder(PromotionOrder(shop) with { Total = new Money(22.99m, CurrencyCode.Eur) });

        await shop.Host.RunDueAsync();

        Assert.Empty(shop.Host.Orders.Orders);
        var entry = await shop.JournalAsync(RecordKind.Order, "7001");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains(
            "the amounts mapped from shop order 7001 sum to lines 18.00 + shipping 0.00 + fees 0.00 + tax 0.00 = 18.00 EUR, but the shop states a total of 22.99 EUR: the ERP would book 4.99 EUR less than the buyer paid",
            entry.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TaxRoundedAtSubtotalLevel_TheErpBooksTheTotalWooCommerceRoundedOnceWithTheRoundingDifference()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        for (var i = 1; i <= 3; i++)
        {
            await shop.MapArticleAsync(i, 100, 100);
        }

        shop.Fake.RoundTaxAtSubtotal = true;
        shop.Fake.SeedOrder(SalesTaxOrder(shop));

        await shop.Host.RunDueAsync();

        // Three lines of 10.00 at 8.875 %: WooCommerce states each line's tax as 0.89 (2.67 in all) but rounds the
        // unrounded 2.6625 once, total 32.66. The ERP books the lines, their taxes and a rounding line of -0.01.
        var entry = await shop.JournalAsync(RecordKind.Order, "7101");
        Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
        var received = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.All(received.Lines, line => Assert.Equal(new Money(0.89m, Usd), line.TaxAmount));
        Assert.Equal(new Money(32.66m, Usd), received.Total);
        Assert.Equal(new Money(-0.01m, Usd), received.RoundingDifference);
        Assert.Equal(received.Total, MappedTotal.Of(received).Sum);
    }

    [Fact]
    public async Task Import_TaxRoundedPerLine_StatesNoRoundingDifference()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        for (var i = 1; i <= 3; i++)
        {
            await shop.MapArticleAsync(i, 100, 100);
        }

        shop.Fake.SeedOrder(SalesTaxOrder(shop));

        await shop.Host.RunDueAsync();

        // WooCommerce's default: every line's tax rounded to 0.89 before the sum, total 32.67.
        var received = Assert.Single(shop.Host.Orders.Orders).Order;
        Assert.Equal(new Money(32.67m, Usd), received.Total);
        Assert.Null(received.RoundingDifference);
    }

    [Theory]
    [InlineData(true, new[] { 0.19, 0.07, 0 })]
    [InlineData(false, new[] { 0.19, 0.07, 0 })]
    public async Task Import_GeneratedOrders_TheErpBooksTheTotalWooCommerceStates(bool pricesIncludeTax, double[] rates)
    {
        await using var shop = await StartAsync(features: [FeatureKind.Orders]);
        for (var i = 1; i <= 3; i++)
        {
            await shop.MapArticleAsync(i, 100, 100);
        }

        var next = 7001;
        var at = shop.Host.Clock.GetCurrentInstant() - Duration.FromMinutes(10);
        var generator = GeneratedOrders.Orders([Sku(1), Sku(2), Sku(3)], CurrencyCode.Eur, pricesIncludeTax, [.. rates.Select(r => (decimal)r)], withFees: true, at);

        await generator.SampleAsync(
            async generated =>
            {
                var seeded = generated.Select(o => GeneratedOrders.Renumbered(o, (next++).ToString(CultureInfo.InvariantCulture))).ToArray();
                foreach (var order in seeded)
                {
                    shop.Fake.SeedOrder(order);
                }

                await shop.Host.OrderImport.ImportOrdersAsync(shop.Connection, string.Join(", ", seeded.Select(o => o.OrderNumber)), CancellationToken.None);
                await shop.Host.RunDueAsync();

                foreach (var seed in seeded)
                {
                    var entry = await shop.JournalAsync(RecordKind.Order, seed.OrderNumber);
                    Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
                    var received = shop.Host.Orders.Orders.Single(o => o.Order.OrderNumber == seed.OrderNumber).Order;
                    Assert.Equal(received.Total, MappedTotal.Of(received).Sum);
                    Assert.Equal(MappedTotal.Of(seed).Sum, MappedTotal.Of(received).Sum);
                }
            },
            iter: 3,
            threads: 1);
    }

    private static readonly CurrencyCode Usd = CurrencyCode.Usd;

    // A net US order: three articles at 10.00 each, sales tax 8.875 % (New York City), no shipping.
    private static MarketplaceOrder SalesTaxOrder(WooTestShop shop) =>
        PromotionOrder(shop) with
        {
            OrderNumber = "7101",
            MarketplaceOrderId = "7101",
            Currency = Usd,
            PricesIncludeTax = false,
            Lines =
            [
                .. Enumerable.Range(1, 3).Select(i => new OrderLine
                {
                    LineId = string.Create(CultureInfo.InvariantCulture, $"71010{i}"),
                    ForeignNumber = Sku(i),
                    Title = string.Create(CultureInfo.InvariantCulture, $"Article {i}"),
                    Quantity = 1,
                    UnitPrice = new Money(10.00m, Usd),
                    TaxRate = 0.08875m,
                    TaxAmount = new Money(0.89m, Usd),
                }),
            ],
            ShippingCost = Money.Zero(Usd),
            ShippingDiscount = null,
            ShippingTax = Money.Zero(Usd),
        };

    private static MarketplaceOrder PromotionOrder(WooTestShop shop) =>
        PromotionOrders.Create("7001", "7001", "700101", Sku(1), shop.Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5));
}
