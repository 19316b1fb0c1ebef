namespace Connect.Sdk.Shopware.Wire;

/// <summary>The delivery write: its tracking codes and the parcels custom field.</summary>
internal sealed record DeliveryUpdateJson(IReadOnlyList<string> TrackingCodes, IReadOnlyDictionary<string, IReadOnlyList<ParcelJson>> CustomFields);
