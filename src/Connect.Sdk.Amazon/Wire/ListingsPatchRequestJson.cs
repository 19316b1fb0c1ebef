namespace Connect.Sdk.Amazon.Wire;

/// <summary>patchListingsItem's body: <c>{productType, patches:[…]}</c>.</summary>
internal sealed record ListingsPatchRequestJson(string ProductType, IReadOnlyList<ListingsPatchJson> Patches);
