namespace Connect.Sdk.Shopware.Wire;

/// <summary>A parcel's line.</summary>
internal sealed record ParcelLineJson(string OrderLineItemId, int Quantity);
