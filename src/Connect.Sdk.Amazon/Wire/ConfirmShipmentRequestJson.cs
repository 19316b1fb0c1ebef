namespace Connect.Sdk.Amazon.Wire;

/// <summary>confirmShipment's body: <c>{marketplaceId, packageDetail}</c>.</summary>
internal sealed record ConfirmShipmentRequestJson(string MarketplaceId, PackageDetailJson PackageDetail);
