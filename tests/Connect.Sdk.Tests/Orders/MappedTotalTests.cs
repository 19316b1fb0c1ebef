using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

/// <summary>What an ERP books for an order: lines, shipping and fees as paid, and their tax when prices are net.</summary>
public sealed class MappedTotalTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    [Fact]
    public void Of_GrossOrder_SumsLinesShippingAndFeesWithoutAddingTax()
    {
        var order = TestOrders.Order("1001") with
        {
            Fees = [new OrderFee { Title = "Handling", Amount = new Money(1.50m, Eur), TaxAmount = new Money(0.24m, Eur) }],
            ShippingTax = new Money(0.78m, Eur),
        };

        var total = MappedTotal.Of(order);

        Assert.Equal((30.00m, 4.90m, 1.50m, 0m, 36.40m), (total.Lines.Amount, total.Shipping.Amount, total.Fees.Amount, total.AddedTax.Amount, total.Sum.Amount));
    }

    [Fact]
    public void Of_NetOrder_AddsLineShippingAndFeeTaxAndTaxFromARateWhereNoAmountIsGiven()
    {
        var order = TestOrders.Order(
            "1001",
            null,
            TestOrders.Line("1", "A-1") with { TaxAmount = new Money(1.90m, Eur) },
            TestOrders.Line("2", "A-2", quantity: 3, taxRate: 0.07m) with { UnitPrice = new Money(3.33m, Eur) }) with
        {
            PricesIncludeTax = false,
            ShippingTax = new Money(0.93m, Eur),
            Fees = [new OrderFee { Title = "Handling", Amount = new Money(1.00m, Eur), TaxAmount = new Money(0.19m, Eur) }],
        };

        var total = MappedTotal.Of(order);

        // Line 2: 9.99 × 0.07 = 0.6993, booked as 0.70.
        Assert.Equal(1.90m + 0.70m + 0.93m + 0.19m, total.AddedTax.Amount);
        Assert.Equal(10.00m + 9.99m + 4.90m + 1.00m + 3.72m, total.Sum.Amount);
    }

    [Fact]
    public void Of_TaxTheMarketplaceCollected_CountsInTheSumButNotAsTheSellersTax()
    {
        // A US order: net prices, no tax of the seller's own, 8.25 % sales tax collected and remitted by the marketplace.
        var usd = CurrencyCode.Usd;
        var order = TestOrders.Order("1001", null, TestOrders.Line("1", "A-1", taxRate: null) with { UnitPrice = new Money(20.00m, usd) }) with
        {
            Currency = usd,
            PricesIncludeTax = false,
            ShippingCost = new Money(5.00m, usd),
            MarketplaceCollectedTax = new Money(2.06m, usd),
        };

        var total = MappedTotal.Of(order);

        Assert.Equal((0m, 2.06m, 27.06m), (total.AddedTax.Amount, total.MarketplaceCollectedTax.Amount, total.Sum.Amount));
        Assert.Equal("lines 20.00 + shipping 5.00 + fees 0.00 + tax 0.00 + tax collected by the marketplace 2.06 = 27.06 USD", total.ToString());
    }

    [Fact]
    public void Of_TaxTheMarketplaceCollectedInAnotherCurrency_ThrowsNamingIt()
    {
        var order = TestOrders.Order("1001") with { MarketplaceCollectedTax = new Money(1m, CurrencyCode.Usd) };

        var error = Assert.Throws<ArgumentException>(() => MappedTotal.Of(order));

        Assert.Equal("the marketplace-collected tax is in USD, the order in EUR", error.Message);
    }

    [Fact]
    public void Of_UnitPriceDividedFromALineTotal_CountsTheLineTotalTheMarketplaceStated()
    {
        // 29.00 for three units after a discount: 9.666667 each, which times 3 is 29.000001.
        var line = TestOrders.Line("1", "A-1", quantity: 3) with { UnitPrice = OrderLine.UnitPriceOf(new Money(29.00m, Eur), 3) };
        var order = TestOrders.Order("1001", null, line) with { ShippingCost = Money.Zero(Eur) };

        Assert.Equal(9.666667m, line.UnitPrice.Amount);
        Assert.Equal(new Money(29.00m, Eur), MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Of_ALineInAnotherCurrency_ThrowsNamingTheLine()
    {
        var order = TestOrders.Order("1001", null, TestOrders.Line("1", "A-1"), TestOrders.Line("2", "A-2") with { UnitPrice = new Money(1m, CurrencyCode.Usd) });

        var ex = Assert.Throws<ArgumentException>(() => MappedTotal.Of(order));

        Assert.Equal("the line 2 unit price is in USD, the order in EUR", ex.Message);
    }

    [Fact]
    public void ToString_NamesEveryPartAndTheSum()
    {
        var order = TestOrders.Order("1001") with { PricesIncludeTax = false, ShippingTax = new Money(0.93m, Eur) };

        // Lines without tax amounts count their 19 % rate: 1.90 + 3.80.
        Assert.Equal("lines 30.00 + shipping 4.90 + fees 0.00 + tax 6.63 = 41.53 EUR", MappedTotal.Of(order).ToString());
    }

    [Fact]
    public void Of_RoundingDifferenceStated_CountsItInTheSumAndNamesIt()
    {
        var order = TestOrders.Order("1001") with { RoundingDifference = new Money(-0.01m, Eur) };

        var mapped = MappedTotal.Of(order);

        Assert.Equal(new Money(34.89m, Eur), mapped.Sum);
        Assert.Equal("lines 30.00 + shipping 4.90 + fees 0.00 + tax 0.00 + rounding -0.01 = 34.89 EUR", mapped.ToString());
    }

    [Fact]
    public void MaxRoundingDifference_TwoLinesAFeeAndShipping_IsOneMinorUnitEach()
    {
        var order = TestOrders.Order("1001") with { Fees = [new OrderFee { Title = "Fee", Amount = new Money(1m, Eur) }] };

        Assert.Equal(new Money(0.04m, Eur), MappedTotal.MaxRoundingDifference(order));
        Assert.Equal(new Money(4m, new CurrencyCode("JPY")), MappedTotal.MaxRoundingDifference(order with { Currency = new CurrencyCode("JPY") }));
    }
}
