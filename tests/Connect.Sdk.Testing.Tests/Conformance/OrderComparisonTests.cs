using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Conformance;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Conformance;

public sealed class OrderComparisonTests
{
    private static readonly ForeignNumber First = new(new ForeignNumberLabel("sku"), "SKU-1");
    private static readonly ForeignNumber Second = new(new ForeignNumberLabel("sku"), "SKU-2");
    private static readonly MarketplaceOrder Order = ConformanceOrders.Full("1001", Instant.FromUtc(2026, 11, 23, 8, 0), First, Second);

    [Fact]
    public void Compare_SameOrder_FindsNoDifference()
    {
        Assert.Empty(new OrderComparison([]).Compare(Order, Order with { }));
    }

    [Fact]
    public void Compare_ShippingDiscountAndFees_NamesEachDifference()
    {
        var eur = CurrencyCode.Eur;
        var expected = Order with
        {
            ShippingDiscount = new Money(4.90m, eur),
            Fees = [new OrderFee { Title = "Gift wrap", Amount = new Money(1.50m, eur), TaxAmount = new Money(0.24m, eur) }],
        };
        var received = Order with { Fees = [new OrderFee { Title = "Gift wrap", Amount = new Money(1.26m, eur) }] };

        var differences = new OrderComparison([]).Compare(expected, received);

        Assert.Equal(
        [
            "ShippingDiscount: the fake holds 4.90 EUR, the ERP received (nothing)",
            "Fees[0].Amount: the fake holds 1.50 EUR, the ERP received 1.26 EUR",
            "Fees[0].TaxAmount: the fake holds 0.24 EUR, the ERP received (nothing)",
        ],
        differences);
        Assert.Equal(["Fees: the fake holds 1 fee(s), the ERP received 0"], new OrderComparison([]).Compare(expected with { ShippingDiscount = null }, Order));
    }

    [Fact]
    public void Compare_ChangedFields_NamesEachPathWithBothValues()
    {
        var received = Order with
        {
            BuyerEmail = null,
            ShippingAddress = Order.ShippingAddress! with { Region = "Hamburg" },
            Lines = [Order.Lines[0] with { TaxAmount = new Money(6.00m, CurrencyCode.Eur) }, Order.Lines[1]],
        };

        var differences = new OrderComparison([]).Compare(Order, received);

        Assert.Equal(
        [
            "BuyerEmail: the fake holds 'erika@example.com', the ERP received (nothing)",
            "ShippingAddress.Region: the fake holds 'HH', the ERP received 'Hamburg'",
            "Lines[0].TaxAmount: the fake holds 6.22 EUR, the ERP received 6.00 EUR",
        ],
        differences);
    }

    [Fact]
    public void Compare_IgnoredExactlyByPrefixAndForEveryLine_SkipsThoseFields()
    {
        var received = Order with
        {
            BuyerEmail = null,
            BillingAddress = null,
            Lines = Order.Lines.Select(l => l with { Discount = null }).ToArray(),
        };

        Assert.Empty(new OrderComparison(["BuyerEmail", "BillingAddress", "Lines[].Discount"]).Compare(Order, received));
    }

    [Fact]
    public void Compare_MissingLine_NamesTheLineAndWhatArrived()
    {
        var differences = new OrderComparison([]).Compare(Order, Order with { Lines = [Order.Lines[0]] });

        Assert.Equal(
        [
            "Lines: the fake holds 2 line(s), the ERP received 1",
            "Lines[1]: line '100102' (Linen tea towel) is missing in the ERP's order (lines received: 100101)",
        ],
        differences);
    }
}
