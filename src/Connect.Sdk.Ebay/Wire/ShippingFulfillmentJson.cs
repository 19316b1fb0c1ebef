using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A package eBay holds for an order: its id and tracking number.</summary>
internal sealed record ShippingFulfillmentJson(
    [property: JsonPropertyName("fulfillmentId")] string? FulfillmentId,
    [property: JsonPropertyName("shipmentTrackingNumber")] string? ShipmentTrackingNumber);
