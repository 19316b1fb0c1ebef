using System.Globalization;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Kaufland.Tests.TestSupport;

/// <summary>Orders to seed the fake with: each line some pieces of one unit at 12.99 EUR, 4.90 EUR shipping, one address.</summary>
internal static class KauflandTestOrders
{
    public static MarketplaceOrder Order(string number, Instant at, params (ForeignNumber Unit, int Pieces)[] lines) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = number,
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [.. lines.Select((l, i) => new OrderLine
        {
            LineId = string.Create(CultureInfo.InvariantCulture, $"{i + 1}"),
            ForeignNumber = l.Unit,
            Title = "Article " + l.Unit.Value,
            Quantity = l.Pieces,
            UnitPrice = new Money(12.99m, CurrencyCode.Eur),
        })],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };
}
