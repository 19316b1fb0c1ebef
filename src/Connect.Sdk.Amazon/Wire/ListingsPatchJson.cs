namespace Connect.Sdk.Amazon.Wire;

/// <summary>One JSON Patch operation of a listing: <c>{op, path, value:[…]}</c>.</summary>
internal sealed record ListingsPatchJson(string Op, string Path, IReadOnlyList<FulfillmentAvailabilityJson> Value);
