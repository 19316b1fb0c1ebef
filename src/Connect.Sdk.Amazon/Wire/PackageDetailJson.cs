namespace Connect.Sdk.Amazon.Wire;

/// <summary>One package of a shipment confirmation: its reference, carrier, tracking number, ship date and items.</summary>
internal sealed record PackageDetailJson(
    string PackageReferenceId,
    string CarrierCode,
    string TrackingNumber,
    string ShipDate,
    IReadOnlyList<PackageItemJson> OrderItems,
    string? CarrierName = null,
    string? ShippingMethod = null);
