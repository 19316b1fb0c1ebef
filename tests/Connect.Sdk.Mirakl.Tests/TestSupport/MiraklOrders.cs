using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>Orders the Mirakl tests place on the fake.</summary>
internal static class MiraklOrders
{
    public static ForeignNumber ShopSku(string value) => new(ForeignNumberLabel.MiraklShopSku, value);

    public static MarketplaceOrder Mug(string id, Instant at, int quantity = 2) => new()
    {
        OrderNumber = id,
        MarketplaceOrderId = id.Split('-')[0],
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines =
        [
            new OrderLine
            {
                LineId = id + "-1",
                ForeignNumber = ShopSku("MUG-1"),
                Title = "Enamel mug, blue",
                Quantity = quantity,
                UnitPrice = new Money(12.99m, CurrencyCode.Eur),
                TaxRate = 0.19m,
                TaxAmount = new Money(decimal.Round(12.99m * quantity * 19m / 119m, 2), CurrencyCode.Eur),
            },
        ],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Total = new Money((12.99m * quantity) + 4.90m, CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };
}
