using System.Globalization;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Tests.Faults;
using Connect.Sdk.TestSupport;
using CsCheck;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Orders;

/// <summary>What the ERP books for a Shopify order is what the buyer paid: discount allocations and shipping discounts included.</summary>
public sealed class ShopifyOrderMoneyTests : ShopifyFaultFixture
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;
    private int _nextNumber = 6001;

    [Fact]
    public async Task Import_DiscountAndFreeShipping_TheErpBooksTheOrderTotal()
    {
        await MapArticlesAsync(10);
        Shop.SeedOrder(DiscountOrder("6001"));

        await Host.RunDueAsync();

        // Shopify renders originalUnitPriceSet 10.00 × 2 with a 2.00 discount allocation and a 4.99 shipping line
        // discounted to 0.00 with its allocation: totalPriceSet 18.00.
        var order = Assert.Single(Host.Orders.Orders).Order;
        PromotionOrders.AssertBookedAsPaid(order);
        Assert.Equal(new Money(4.99m, Eur), order.ShippingDiscount);
    }

    [Fact]
    public async Task Import_StatedTotalThatDoesNotAddUp_HoldsTheOrderNamingBothSums()
    {
        await MapArticlesAsync(10);
        Shop.SeedOrder(DiscountOrder("6001") with { Total = new Money(22.99m, Eur) });

        await Host.RunDueAsync();

        Assert.Empty(Host.Orders.Orders);
        var entry = await EntryAsync(RecordKind.Order, "6001");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains(
            "the amounts mapped from shop order 6001 sum to lines 18.00 + shipping 0.00 + fees 0.00 + tax 0.00 = 18.00 EUR, but the shop states a total of 22.99 EUR: the ERP would book 4.99 EUR less than the buyer paid",
            entry.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LineRefundedBeforeTheImport_TheErpBooksWhatIsLeftAndTheCurrentTotal()
    {
        // totalPriceSet stays 30.50 (before returns); currentTotalPriceSet drops by the 12.50 of the refunded scarf: 18.00.
        var entry = await ImportAfterRefundAsync(TwoLineOrder("6001"), "6660012");

        Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
        var order = Assert.Single(Host.Orders.Orders).Order;
        Assert.Equal("7760011", Assert.Single(order.Lines).LineId);
        PromotionOrders.AssertBookedAsPaid(order);
    }

    [Fact]
    public async Task Import_LinePartlyRefundedBeforeTheImport_FailsNamingTheLineRatherThanBookingAGuess()
    {
        var entry = await ImportAfterRefundAsync(DiscountOrder("6001"), "7760011");

        Assert.Empty(Host.Orders.Orders);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains("lineItems.nodes[0] was partly refunded or edited before the import (1 of 2 units remain)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TipDutiesAndAdditionalFees_TheErpBooksEachAsAFeeAndTheOrderTotal()
    {
        await MapArticlesAsync(10);
        Shop.SeedOrder(DiscountOrder("6001"));
        Shop.AddCharges("6001", tip: 2.00m, duties: 3.40m, additionalFees: 0.27m);

        await Host.RunDueAsync();

        // 18.00 + tip 2.00 + duties 3.40 + additional fees 0.27 = 23.67, all inside Shopify's total.
        var entry = await EntryAsync(RecordKind.Order, "6001");
        Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
        var order = Assert.Single(Host.Orders.Orders).Order;
        Assert.Equal(
            [("Tip", 2.00m), ("Duties", 3.40m), ("Additional fees", 0.27m)],
            order.Fees.Select(f => (f.Title, f.Amount.Amount)));
        Assert.Equal(new Money(23.67m, Eur), order.Total);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Theory]
    [InlineData(true, "EUR", new[] { 0.19, 0.07, 0 })]
    [InlineData(false, "USD", new[] { 0.0725, 0.06, 0 })]
    public async Task Import_GeneratedOrders_TheErpBooksTheTotalShopifyStates(bool taxesIncluded, string currency, double[] rates)
    {
        await MapArticlesAsync(10, 10, 10);
        var articles = new[] { Product(1), Product(2), Product(3) };
        var at = Host.Clock.GetCurrentInstant() - Duration.FromMinutes(10);
        var generator = GeneratedOrders.Orders(articles, new CurrencyCode(currency), taxesIncluded, [.. rates.Select(r => (decimal)r)], withFees: false, at);

        await generator.SampleAsync(
            async generated =>
            {
                var seeded = generated.Select(o => GeneratedOrders.Renumbered(o, (_nextNumber++).ToString(CultureInfo.InvariantCulture))).ToArray();
                foreach (var order in seeded)
                {
                    Shop.SeedOrder(order);
                }

                await Host.OrderImport.ImportOrdersAsync(Connection, string.Join(", ", seeded.Select(o => o.OrderNumber)), CancellationToken.None);
                await Host.RunDueAsync();

                foreach (var seed in seeded)
                {
                    var entry = await EntryAsync(RecordKind.Order, seed.OrderNumber);
                    Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
                    var received = Host.Orders.Orders.Single(o => o.Order.OrderNumber == seed.OrderNumber).Order;
                    Assert.Equal(received.Total, MappedTotal.Of(received).Sum);
                    Assert.Equal(MappedTotal.Of(seed).Sum, MappedTotal.Of(received).Sum);
                }
            },
            iter: 3,
            threads: 1);
    }

    // Seeds the order, refunds one unit of a line before the first run, runs it and returns the order's journal entry.
    private async Task<JournalEntry> ImportAfterRefundAsync(MarketplaceOrder order, string lineId)
    {
        await MapArticlesAsync(10, 10);
        Shop.SeedOrder(order);
        Shop.RemoveUnits(order.OrderNumber, lineId, 1);
        await Host.RunDueAsync();
        return await EntryAsync(RecordKind.Order, order.OrderNumber);
    }

    // The promotion order and a scarf at 12.50 (2.00 VAT included): 30.50 in all.
    private MarketplaceOrder TwoLineOrder(string number)
    {
        var order = DiscountOrder(number);
        var scarf = new OrderLine
        {
            LineId = "66" + number + "2",
            ForeignNumber = Product(2),
            Title = "Scarf",
            Quantity = 1,
            UnitPrice = new Money(12.50m, Eur),
            TaxRate = 0.19m,
            TaxAmount = new Money(2.00m, Eur),
        };
        return order with { Lines = [.. order.Lines, scarf] };
    }

    private MarketplaceOrder DiscountOrder(string number) =>
        PromotionOrders.Create(number, "77" + number, "77" + number + "1", Product(1), Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5));
}
