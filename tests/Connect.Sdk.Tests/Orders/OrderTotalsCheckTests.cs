using Connect.Sdk.Journal;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

/// <summary>Every imported order's mapped amounts are checked against the total the marketplace states before the ERP books them.</summary>
public sealed class OrderTotalsCheckTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    [Fact]
    public async Task ScheduledRun_StatedTotalDiffersFromTheMappedAmounts_HoldsTheOrderNamingBothSums()
    {
        await using var world = await OrderWorld.ProductiveAsync();

        // Lines 10.00 + 2 × 10.00 and shipping 4.90 book 34.90; the marketplace says the buyer paid 30.00.
        world.Publish(TestOrders.Order("1001") with { Total = new Money(30.00m, Eur) });

        var result = await world.RunScheduledAsync();

        Assert.Equal(1, result.Summary.Failed);
        Assert.Empty(world.Sink.Orders);
        var entry = await world.EntryAsync("1001");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains(
            "the amounts mapped from marketplace order 1001 sum to lines 30.00 + shipping 4.90 + fees 0.00 + tax 0.00 = 34.90 EUR, but the marketplace states a total of 30.00 EUR: the ERP would book 4.90 EUR more than the buyer paid",
            entry.Message,
            StringComparison.Ordinal);
        Assert.EndsWith("held back from the ERP until this is corrected, then retry", entry.Message, StringComparison.Ordinal);
        Assert.Equal(StagedOrderState.Held, (await world.Staging.GetAsync(world.Connection, "1001", default))!.State);
    }

    [Fact]
    public async Task ScheduledRun_NetOrderWithDiscountsFeesAndFreeShippingThatAddUp_IsImported()
    {
        await using var world = await OrderWorld.ProductiveAsync();

        // Net prices: 2 × 9.00 after a 2.00 promotion, tax 1.53; free shipping (4.99 off); a fee of 1.00 with 0.19 tax;
        // a credit of 0.50. 18.00 + 1.53 + 0 + 1.00 + 0.19 − 0.50 = 20.22.
        var line = TestOrders.Line("1", "A-1", quantity: 2) with
        {
            UnitPrice = new Money(9.00m, Eur),
            Discount = new Money(2.00m, Eur),
            TaxAmount = new Money(1.53m, Eur),
        };
        world.Publish(TestOrders.Order("1001", null, line) with
        {
            PricesIncludeTax = false,
            ShippingCost = Money.Zero(Eur),
            ShippingDiscount = new Money(4.99m, Eur),
            ShippingTax = Money.Zero(Eur),
            Fees = [new OrderFee { Title = "Cash on delivery", Amount = new Money(1.00m, Eur), TaxAmount = new Money(0.19m, Eur) }, new OrderFee { Title = "Goodwill", Amount = new Money(-0.50m, Eur) }],
            Total = new Money(20.22m, Eur),
        });

        var result = await world.RunScheduledAsync();

        Assert.Equal(1, result.Summary.Succeeded);
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }

    [Fact]
    public async Task ScheduledRun_TotalInAnotherCurrency_HoldsTheOrderNamingBothCurrencies()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Order("1001") with { Total = new Money(34.90m, CurrencyCode.Usd) });

        await world.RunScheduledAsync();

        Assert.Empty(world.Sink.Orders);
        Assert.Contains("the marketplace states the total of order 1001 in USD, the order in EUR", (await world.EntryAsync("1001")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_AFeeInAnotherCurrency_HoldsTheOrderNamingTheFee()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Order("1001") with
        {
            Fees = [new OrderFee { Title = "Gift wrap", Amount = new Money(2m, CurrencyCode.Usd) }],
            Total = new Money(36.90m, Eur),
        });

        await world.RunScheduledAsync();

        Assert.Empty(world.Sink.Orders);
        Assert.Contains("marketplace order 1001: the fee 1 ('Gift wrap') is in USD, the order in EUR", (await world.EntryAsync("1001")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_NoStatedTotal_ImportsTheOrderUnchecked()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Publish(TestOrders.Order("1001") with { Total = null });

        var result = await world.RunScheduledAsync();

        Assert.Equal(1, result.Summary.Succeeded);
    }

    [Fact]
    public async Task ScheduledRun_RoundingDifferenceWithinTheBound_ImportsTheOrderWithTheDifferenceForTheErp()
    {
        await using var world = await OrderWorld.ProductiveAsync();

        // The marketplace rounded its total once: 34.90 in rounded parts, 34.89 paid.
        world.Publish(TestOrders.Order("1001") with { RoundingDifference = new Money(-0.01m, Eur), Total = new Money(34.89m, Eur) });

        var result = await world.RunScheduledAsync();

        Assert.Equal(1, result.Summary.Succeeded);
        Assert.Equal(new Money(-0.01m, Eur), Assert.Single(world.Sink.Orders).Order.RoundingDifference);
    }

    [Fact]
    public async Task ScheduledRun_RoundingDifferenceBeyondTheBound_HoldsTheOrderNamingTheBound()
    {
        await using var world = await OrderWorld.ProductiveAsync();

        // Two lines and the shipping explain at most 0.03; a 0.04 "rounding" is an amount lost, not rounding.
        world.Publish(TestOrders.Order("1001") with { RoundingDifference = new Money(-0.04m, Eur), Total = new Money(34.86m, Eur) });

        await world.RunScheduledAsync();

        Assert.Empty(world.Sink.Orders);
        Assert.Contains(
            "marketplace order 1001 states a rounding difference of -0.04 EUR, more than the 0.03 EUR its rounding can explain (one minor unit per line, per fee and for the shipping)",
            (await world.EntryAsync("1001")).Message,
            StringComparison.Ordinal);
    }
}
