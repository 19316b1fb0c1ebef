using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>An order as the fake shop holds it: its entity JSON with every association, its delivery and its states.</summary>
internal sealed class ShopwareOrder
{
    public required string Id { get; init; }

    public required string OrderNumber { get; init; }

    /// <summary>The order with every association (lineItems, deliveries, transactions, addresses, currency, …).</summary>
    public required JsonObject Json { get; init; }

    public required Instant CreatedAt { get; init; }

    /// <summary>Null until the order is written after its creation, as Shopware leaves <c>updatedAt</c>.</summary>
    public Instant? UpdatedAt { get; set; }

    public string State { get; set; } = "open";

    public required ShopwareDelivery Delivery { get; init; }
}

/// <summary>The order's one delivery: its state, tracking codes and custom fields.</summary>
internal sealed class ShopwareDelivery
{
    public required string Id { get; init; }

    public string State { get; set; } = "open";

    public List<string> TrackingCodes { get; } = [];

    public JsonObject CustomFields { get; set; } = [];

    public required string ShippingMethod { get; init; }
}
