using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A line item of a package: its id and the units in the package.</summary>
internal sealed record FulfilledLineJson(
    [property: JsonPropertyName("lineItemId")] string LineItemId,
    [property: JsonPropertyName("quantity")] int Quantity);
