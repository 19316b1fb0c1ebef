using System.Globalization;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>Orders as the tests seed them on the fake: OTTO-like order numbers, UUID sales order and position item ids, one line of SKU-1.</summary>
internal static class TestOrders
{
    public static MarketplaceOrder Order(int number, Instant at, int quantity = 2)
    {
        return new MarketplaceOrder
        {
            OrderNumber = string.Create(CultureInfo.InvariantCulture, $"bq{number:D8}"),
            MarketplaceOrderId = new Guid(number, 0x2e57, 0x4baf, [0x9b, 0x56, 0x0c, 0xee, 0x82, 0x93, 0x89, 0xa0]).ToString(),
            CreatedAt = at,
            UpdatedAt = at,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = new Guid(number, 0x5e65, 0x4f66, [0x9f, 0xee, 0x8b, 0x22, 0x78, 0x61, 0xfc, 0x83]).ToString(),
                    ForeignNumber = OttoTestMarket.Sku(1),
                    Title = "Enamel mug, blue",
                    Quantity = quantity,
                    UnitPrice = new Money(12.99m, CurrencyCode.Eur),
                    TaxRate = 0.19m,
                },
            ],
            ShippingCost = new Money(4.95m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
    }
}
