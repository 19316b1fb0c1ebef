using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>An order as the OTTO fake keeps it: the seeded order and its position items, one per piece.</summary>
internal sealed class OttoFakeOrder
{
    public required MarketplaceOrder Seed { get; init; }

    public required List<OttoFakePositionItem> Items { get; init; }

    public required Instant LastModified { get; set; }

    public string SalesOrderId => Seed.MarketplaceOrderId;

    public string OrderNumber => Seed.OrderNumber;
}
