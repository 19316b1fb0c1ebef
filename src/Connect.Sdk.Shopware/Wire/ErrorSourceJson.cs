namespace Connect.Sdk.Shopware.Wire;

/// <summary>Where an error points, e.g. <c>/stock/3/stock</c>.</summary>
internal sealed record ErrorSourceJson(string? Pointer);
