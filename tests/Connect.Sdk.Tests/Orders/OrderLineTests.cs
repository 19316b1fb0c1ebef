using System.Globalization;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Tests.Orders;

public sealed class OrderLineTests
{
    [Theory]
    [InlineData("2.00", 3, "0.666667")]
    [InlineData("0.05", 2, "0.025")]
    [InlineData("-3.00", 2, "-1.5")]
    [InlineData("7.50", 0, "7.50")]
    public void UnitPriceOf_DividesTheLineTotal_RoundedToSixPlaces(string total, int quantity, string expected) =>
        Assert.Equal(
            decimal.Parse(expected, CultureInfo.InvariantCulture),
            OrderLine.UnitPriceOf(new Money(decimal.Parse(total, CultureInfo.InvariantCulture), CurrencyCode.Eur), quantity).Amount);

    [Fact]
    public void Total_UnitPriceDividedFromALineTotal_RoundsBackToThatTotalForLargeQuantities()
    {
        var line = TestOrders.Line("1", "A-1", quantity: 9_999) with { UnitPrice = OrderLine.UnitPriceOf(new Money(1_000.00m, CurrencyCode.Eur), 9_999) };

        Assert.Equal(new Money(1_000.00m, CurrencyCode.Eur), line.Total);
    }
}
