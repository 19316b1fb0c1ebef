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

    /// <summary>
    /// The staging rule every <see cref="IOrderStagingStore"/> applies when an order is loaded again: a new order is
    /// staged; an imported order is final and older data never replaces newer, so both keep what is stored; a held
    /// order seen again is staged again with the new data (its mapping or its data may have been fixed meanwhile).
    /// </summary>
    /// <param name="existing">What the store holds for the order number, or <see langword="null"/>.</param>
    /// <param name="connection">The connection the order came from.</param>
    /// <param name="order">The order as just loaded.</param>
    /// <param name="stagedAt">When it is staged, for a new order.</param>
    /// <returns>What the store is to hold; <paramref name="existing"/> itself when nothing changes.</returns>
    public static StagedOrder Stage(StagedOrder? existing, ConnectionId connection, MarketplaceOrder order, Instant stagedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (existing is null)
        {
            return new StagedOrder { Connection = connection, Order = order, StagedAt = stagedAt };
        }

        if (existing.State == StagedOrderState.HandedOver || order.UpdatedAt < existing.Order.UpdatedAt)
        {
            return existing;
        }

        return existing with { Order = order, State = StagedOrderState.Staged, HoldReason = null };
    }
}
