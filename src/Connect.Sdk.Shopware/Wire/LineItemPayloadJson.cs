namespace Connect.Sdk.Shopware.Wire;

/// <summary>A line item's payload.</summary>
internal sealed record LineItemPayloadJson(string? ProductNumber);
