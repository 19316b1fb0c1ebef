using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// An order in the SDK's staging area: the order as last loaded from the marketplace and how far its
/// import got. Kept per connection and order number by an <see cref="IOrderStagingStore"/>.
/// </summary>
public sealed record StagedOrder
{
    /// <summary>The connection the order came from.</summary>
    public required ConnectionId Connection { get; init; }

    /// <summary>The order as last loaded from the marketplace (the raw data the ERP is handed).</summary>
    public required MarketplaceOrder Order { get; init; }

    /// <summary>The marketplace order number, the staging area's key within the connection.</summary>
    public string OrderNumber => Order.OrderNumber;

    /// <summary>How far the import got.</summary>
    public StagedOrderState State { get; init; } = StagedOrderState.Staged;

    /// <summary>Why the order is held, while <see cref="State"/> is <see cref="StagedOrderState.Held"/>.</summary>
    public string? HoldReason { get; init; }

    /// <summary>The ERP's order id, once <see cref="State"/> is <see cref="StagedOrderState.HandedOver"/>.</summary>
    public string? ErpOrderId { get; init; }

    /// <summary>When the order was first staged.</summary>
    public required Instant StagedAt { get; init; }
}
