namespace Connect.Sdk.Shopware.Wire;

/// <summary>A parcel as the delivery's custom field keeps it.</summary>
internal sealed record ParcelJson(string TrackingCode, string? Carrier, IReadOnlyList<ParcelLineJson>? Lines);
