using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>Orders and keys the WooCommerce fake tests share.</summary>
internal static class WooTestOrders
{
    public const string Key = "ck_4f1c2a8d9e0b7c6a5f4e3d2c1b0a9f8e7d6c5b4a";
    public const string Secret = "cs_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 8, 0);

    public static ForeignNumber Sku(string value) => new(ForeignNumberLabel.Sku, value);

    public static MarketplaceOrder Order(int number, Instant updatedAt, string sku = "SHIRT-M", OrderStatus? status = null) => new()
    {
        OrderNumber = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MarketplaceOrderId = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = status ?? OrderStatus.Open,
        PricesIncludeTax = false,
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = $"{number}01",
                ForeignNumber = Sku(sku),
                Title = "Shirt M",
                Quantity = 2,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                TaxAmount = new Money(4.75m, CurrencyCode.Eur),
            },
        ],
        ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        BuyerEmail = "erika@example.com",
    };
}
