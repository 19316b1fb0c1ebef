using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// The orders the conformance kit seeds on a fake: one with every field filled, and plain ones for volume. Order numbers
/// and line ids are digits only (order 1001 has lines 100101 and 100102), because many marketplaces (WooCommerce)
/// number line items with integers, and a fake must be able to keep the seeded id for the field-by-field comparison.
/// </summary>
internal static class ConformanceOrders
{
    public static MarketplaceOrder Full(string number, Instant updatedAt, ForeignNumber first, ForeignNumber second) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "900" + number,
        CreatedAt = updatedAt - Duration.FromMinutes(42),
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        PricesIncludeTax = true,
        Lines =
        [
            new OrderLine
            {
                LineId = number + "01",
                ForeignNumber = first,
                Sku = "SELLER-" + first.Value,
                Title = "Enamel mug, blue",
                Quantity = 3,
                UnitPrice = new Money(12.99m, CurrencyCode.Eur),
                TaxRate = 0.19m,
                TaxAmount = new Money(6.22m, CurrencyCode.Eur),
                Discount = new Money(1.50m, CurrencyCode.Eur),
            },
            new OrderLine
            {
                LineId = number + "02",
                ForeignNumber = second,
                Sku = "SELLER-" + second.Value,
                Title = "Linen tea towel",
                Quantity = 1,
                UnitPrice = new Money(8.40m, CurrencyCode.Eur),
                TaxRate = 0.07m,
                TaxAmount = new Money(0.55m, CurrencyCode.Eur),
            },
        ],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        ShippingTax = new Money(0.78m, CurrencyCode.Eur),
        Total = new Money(52.27m, CurrencyCode.Eur),
        BillingAddress = new Address
        {
            Name = "Erika Mustermann",
            Company = "Mustermann GmbH",
            Street = "Heidestraße 17",
            AddressLine2 = "Hinterhaus",
            PostalCode = "51147",
            City = "Köln",
            Region = "NRW",
            CountryCode = "DE",
            Phone = "+49 221 123456",
        },
        ShippingAddress = new Address
        {
            Name = "Max Mustermann",
            Company = "Lager Süd",
            Street = "Am Hafen 3",
            AddressLine2 = "Tor 2",
            PostalCode = "20457",
            City = "Hamburg",
            Region = "HH",
            CountryCode = "DE",
            Phone = "+49 40 987654",
        },
        BuyerEmail = "erika@example.com",
        PaymentMethod = "invoice",
    };

    public static MarketplaceOrder Simple(string number, Instant updatedAt, ForeignNumber article) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "900" + number,
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines =
        [
            new OrderLine
            {
                LineId = number + "01",
                ForeignNumber = article,
                Title = "Enamel mug, blue",
                Quantity = 1,
                UnitPrice = new Money(12.99m, CurrencyCode.Eur),
                TaxRate = 0.19m,
            },
        ],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };
}
