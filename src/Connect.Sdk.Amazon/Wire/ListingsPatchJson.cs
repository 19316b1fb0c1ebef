using System.Text.Json;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>One JSON Patch operation of a listing: <c>{op, path, value:[…]}</c>; the value is the attribute's array as its product type defines it.</summary>
internal sealed record ListingsPatchJson(string Op, string Path, JsonElement Value);
