using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>An order as the Amazon fake holds it: its getOrder representation, its items and its shipments.</summary>
internal sealed class AmazonOrder
{
    public required string AmazonOrderId { get; init; }

    public required Instant PurchaseDate { get; init; }

    public required Instant LastUpdateDate { get; set; }

    /// <summary>The order exactly as <c>getOrder</c> answers it in <c>payload</c>.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>The items exactly as <c>getOrderItems</c> answers them in <c>payload.OrderItems</c>.</summary>
    public required List<JsonObject> Items { get; init; }

    /// <summary>Whether the marketplace quotes prices with tax, so that taxes are inside <c>OrderTotal</c> rather than on top.</summary>
    public required bool PricesIncludeTax { get; init; }

    public List<FakeShipment> Shipments { get; } = [];

    public string Status => (string?)Json["OrderStatus"] ?? "Pending";

    public string MarketplaceId => (string?)Json[nameof(MarketplaceId)] ?? string.Empty;

    public bool FulfilledByAmazon => (string?)Json["FulfillmentChannel"] == "AFN";
}
