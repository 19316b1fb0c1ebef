using System.Text.Json.Nodes;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>An order as the Fulfillment API renders it, with its shipping fulfillments.</summary>
internal sealed class EbayOrder
{
    public required string OrderId { get; init; }

    public required Instant Created { get; init; }

    public required Instant Modified { get; set; }

    /// <summary>The <c>Order</c> object getOrder answers.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>The <c>ShippingFulfillment</c> objects, oldest first.</summary>
    public List<JsonObject> Fulfillments { get; } = [];
}
