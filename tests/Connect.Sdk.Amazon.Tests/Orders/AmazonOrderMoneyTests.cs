using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using CsCheck;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.Orders;

/// <summary>What the ERP books for an Amazon order is what the buyer paid: promotions and shipping discounts included.</summary>
public sealed class AmazonOrderMoneyTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;
    private static readonly ForeignNumber[] Skus = [AmazonTestHost.Fbm("MUG-BLUE"), AmazonTestHost.Fbm("TOWEL"), AmazonTestHost.Fbm("TEAPOT")];

    [Fact]
    public async Task Import_PromotionAndFreeShipping_TheErpBooksTheOrderTotal()
    {
        await using var test = new AmazonTestHost();
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", Skus[0], 100);
        test.Amazon.SeedOrder(PromotionOrder(test));

        await test.Host.RunDueAsync();

        // Amazon renders ItemPrice 20.00, PromotionDiscount 2.00, ShippingPrice 4.99, ShippingDiscount 4.99: OrderTotal 18.00.
        var order = Assert.Single(test.Host.Orders.Orders).Order;
        PromotionOrders.AssertBookedAsPaid(order);
        Assert.Equal(new Money(2.87m, Eur), order.Lines[0].TaxAmount);
        Assert.Equal(new Money(4.99m, Eur), order.ShippingDiscount);
    }

    [Fact]
    public async Task Import_StatedTotalThatDoesNotAddUp_HoldsTheOrderNamingBothSums()
    {
        await using var test = new AmazonTestHost();
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", Skus[0], 100);
        var order = PromotionOrder(test) with { Total = new Money(26.52m, Eur) };
        test.Amazon.SeedOrder(order);

        await test.Host.RunDueAsync();

        Assert.Empty(test.Host.Orders.Orders);
        var entry = (await test.JournalAsync(connection, RecordKind.Order))[order.OrderNumber];
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains(
            $"the amounts mapped from marketplace order {order.OrderNumber} sum to lines 18.00 + shipping 0.00 + fees 0.00 + tax 0.00 = 18.00 EUR, but the marketplace states a total of 26.52 EUR: the ERP would book 8.52 EUR less than the buyer paid",
            entry.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GiftWrapAndCashOnDelivery_TheErpBooksThemAsFeesAndTheOrderTotal()
    {
        await using var test = new AmazonTestHost();
        var entry = await ImportAsync(test, PromotionOrder(test), order =>
        {
            test.Amazon.SetGiftWrap(order.OrderNumber, order.Lines[0].LineId, 3.99m, 0.64m);
            test.Amazon.SetCashOnDelivery(order.OrderNumber, order.Lines[0].LineId, 2.00m, 0.50m);
        });

        // OrderTotal 18.00 + gift wrap 3.99 (VAT 0.64 included) + cash on delivery 2.00 − 0.50 = 23.49.
        Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
        var received = Assert.Single(test.Host.Orders.Orders).Order;
        Assert.Equal(
            [("Gift wrap", new Money(3.99m, Eur), (Money?)new Money(0.64m, Eur)), ("Cash on delivery", new Money(1.50m, Eur), null)],
            received.Fees.Select(f => (f.Title, f.Amount, f.TaxAmount)));
        Assert.Equal(new Money(23.49m, Eur), received.Total);
        Assert.Equal(received.Total, MappedTotal.Of(received).Sum);
    }

    [Fact]
    public async Task Import_ZeroItemTaxOnAmazonDe_HoldsTheOrderForTaxRatherThanBookingNoVat()
    {
        await using var test = new AmazonTestHost();

        // ItemPrice 18.00 with 19 % VAT in it, but Amazon's ItemTax 0.00.
        var order = PromotionOrder(test);
        var entry = await ImportAsync(test, order with { Lines = [order.Lines[0] with { Discount = null, TaxAmount = Money.Zero(Eur) }] });

        Assert.Empty(test.Host.Orders.Orders);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains($"tax information missing in marketplace order {order.OrderNumber} (line 1)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ItemCancelledOutOfTheOrder_TheErpBooksTheOtherLinesAndTheOrderTotal()
    {
        await using var test = new AmazonTestHost();
        var order = PromotionOrder(test);
        var towel = new OrderLine { LineId = order.OrderNumber + "-2", ForeignNumber = Skus[0], Title = "Towel", Quantity = 1, UnitPrice = new Money(5.95m, Eur), TaxAmount = new Money(0.95m, Eur) };
        var entry = await ImportAsync(test, order with { Lines = [.. order.Lines, towel] }, seeded => test.Amazon.CancelItem(seeded.OrderNumber, towel.LineId));

        // OrderTotal 18.00 + 5.95 drops back to 18.00; the towel stays an item with QuantityOrdered 0.
        Assert.True(entry.Status == JournalStatus.Succeeded, entry.Message);
        var received = Assert.Single(test.Host.Orders.Orders).Order;
        Assert.Equal(order.Lines[0].LineId, Assert.Single(received.Lines).LineId);
        PromotionOrders.AssertBookedAsPaid(received);
    }

    // Amazon.de quotes prices with VAT, Amazon.com without sales tax. A zero VAT line on Amazon.de is held as unknown
    // (Import_ZeroItemTaxOnAmazonDe_…), so the generated Amazon.de orders carry VAT on every line.
    [Theory]
    [InlineData("A1PN6IFQEWUF5Q", "EUR", true, new[] { 0.19, 0.07 })]
    [InlineData("ATVPDKIKX0DER", "USD", false, new[] { 0.0725, 0.06, 0 })]
    public async Task Import_GeneratedOrders_TheErpBooksTheTotalAmazonStates(string marketplaceId, string currency, bool gross, double[] rates)
    {
        var at = ConnectTestHost.Start - Duration.FromMinutes(10);
        var generator = GeneratedOrders.Orders(Skus, new CurrencyCode(currency), gross, [.. rates.Select(r => (decimal)r)], withFees: false, at);
        await generator.SampleAsync(
            async generated =>
            {
                await using var test = new AmazonTestHost();
                var connection = await test.ConnectAsync(marketplaceId);
                for (var i = 0; i < Skus.Length; i++)
                {
                    await test.MapAsync(connection, "ART-" + i, Skus[i], 100);
                }

                var seeded = generated.Select((o, i) => o with { OrderNumber = AmazonTestHost.OrderNumber(i + 1), MarketplaceOrderId = AmazonTestHost.OrderNumber(i + 1) }).ToArray();
                foreach (var order in seeded)
                {
                    test.Amazon.SeedOrder(order, marketplaceId);
                }

                await test.Host.RunDueAsync();

                var journal = await test.JournalAsync(connection, RecordKind.Order);
                Assert.All(seeded, o => Assert.True(journal[o.OrderNumber].Status == JournalStatus.Succeeded, journal[o.OrderNumber].Message));
                Assert.All(test.Host.Orders.Orders, handOver =>
                {
                    var seed = seeded.Single(o => o.OrderNumber == handOver.Order.OrderNumber);
                    Assert.Equal(gross, handOver.Order.PricesIncludeTax);
                    Assert.Equal(handOver.Order.Total, MappedTotal.Of(handOver.Order).Sum);
                    Assert.Equal(MappedTotal.Of(seed).Sum, MappedTotal.Of(handOver.Order).Sum);
                });
            },
            iter: 3,
            threads: 1);
    }

    // Seeds the order on Amazon.de, lets `charge` add to it on the fake, runs the import and returns the order's journal entry.
    private static async Task<JournalEntry> ImportAsync(AmazonTestHost test, MarketplaceOrder order, Action<MarketplaceOrder>? charge = null)
    {
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", Skus[0], 100);
        test.Amazon.SeedOrder(order);
        charge?.Invoke(order);
        await test.Host.RunDueAsync();
        return (await test.JournalAsync(connection, RecordKind.Order))[order.OrderNumber];
    }

    private static MarketplaceOrder PromotionOrder(AmazonTestHost test)
    {
        var number = AmazonTestHost.OrderNumber(1);
        return PromotionOrders.Create(number, number, number + "-1", Skus[0], test.Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5));
    }
}
