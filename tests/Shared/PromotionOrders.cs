using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.TestSupport;

/// <summary>
/// The order as every adapter's money test seeds it: 2 units listed at 10.00 with a 2.00 promotion, shipping of
/// 4.99 made free, 19 % VAT included. The buyer pays 18.00, and so must the ERP book.
/// </summary>
internal static class PromotionOrders
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    /// <summary>The order, in the SDK's terms (amounts after discounts).</summary>
    /// <param name="number">The order number.</param>
    /// <param name="marketplaceOrderId">The marketplace's id of it.</param>
    /// <param name="lineId">The line's id.</param>
    /// <param name="article">The seeded article of the line.</param>
    /// <param name="at">When it was placed and last changed.</param>
    /// <returns>The order.</returns>
    public static MarketplaceOrder Create(string number, string marketplaceOrderId, string lineId, ForeignNumber article, Instant at) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = marketplaceOrderId,
        CreatedAt = at,
        UpdatedAt = at,
        Currency = Eur,
        Status = OrderStatus.Open,
        PricesIncludeTax = true,
        Lines =
        [
            new OrderLine
            {
                LineId = lineId,
                ForeignNumber = article,
                Title = "Enamel mug, blue",
                Quantity = 2,
                UnitPrice = new Money(9.00m, Eur),
                Discount = new Money(2.00m, Eur),
                TaxRate = 0.19m,
                TaxAmount = new Money(2.87m, Eur),
            },
        ],
        ShippingCost = Money.Zero(Eur),
        ShippingDiscount = new Money(4.99m, Eur),
        ShippingTax = Money.Zero(Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };

    /// <summary>Asserts the ERP received the order as the buyer paid it, and that it adds up to the stated total.</summary>
    /// <param name="received">The order as handed to the ERP.</param>
    public static void AssertBookedAsPaid(MarketplaceOrder received)
    {
        Assert.Equal(new Money(18.00m, Eur), received.Total);
        Assert.Equal(new Money(9.00m, Eur), received.Lines[0].UnitPrice);
        Assert.Equal(new Money(2.00m, Eur), received.Lines[0].Discount);
        Assert.Equal(Money.Zero(Eur), received.ShippingCost);
        Assert.Equal(received.Total, MappedTotal.Of(received).Sum);
    }
}
