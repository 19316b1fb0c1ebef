using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>An order as the Shopify fake holds it: the GraphQL node without its fulfillment state, which is rendered live.</summary>
internal sealed class ShopifyOrder
{
    public required long Id { get; init; }

    /// <summary>The order's name as Shopify shows it, e.g. <c>#1001</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The order's fulfillment orders, at least one; together they hold every unit of every line.</summary>
    public required IReadOnlyList<ShopifyFulfillmentOrder> FulfillmentOrders { get; init; }

    public required OrderStatus SeededStatus { get; init; }

    public required Instant UpdatedAt { get; set; }

    /// <summary>The order's fields that fulfillments do not change (money, address, line items); refunds and edits do (<see cref="ShopifyFake.RemoveUnits"/>).</summary>
    public required JsonObject Json { get; init; }

    /// <summary>Every fulfillment order line of the order.</summary>
    public IEnumerable<ShopifyOrderLine> Lines => FulfillmentOrders.SelectMany(f => f.Lines);

    /// <summary>The fulfillments created on the order, oldest first.</summary>
    public List<ShopifyFulfillment> Fulfillments { get; } = [];

    public bool IsCancelled => SeededStatus == OrderStatus.Cancelled;

    public bool IsFullyFulfilled => Lines.All(l => l.Remaining == 0);

    public bool IsPartlyFulfilled => !IsFullyFulfilled && Lines.Any(l => l.Remaining < l.Quantity);
}
