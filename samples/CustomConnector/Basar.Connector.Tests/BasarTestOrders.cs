using Connect.Sdk;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Basar.Connector.Tests;

/// <summary>Plain orders to seed on the fake.</summary>
internal static class BasarTestOrders
{
    public static ForeignNumber Offer(string id) => new(BasarConnector.OfferIdLabel, id);

    public static MarketplaceOrder Simple(string number, Instant updatedAt, string offer, int quantity = 1) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "B-" + number,
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines =
        [
            new OrderLine
            {
                LineId = number + "-1",
                ForeignNumber = Offer(offer),
                Title = "Teekanne",
                Quantity = quantity,
                UnitPrice = new Money(24.90m, CurrencyCode.Eur),
            },
        ],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
    };
}
