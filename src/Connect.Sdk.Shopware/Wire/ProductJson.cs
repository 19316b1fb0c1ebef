namespace Connect.Sdk.Shopware.Wire;

/// <summary>A product or variant as the connector reads it.</summary>
internal sealed record ProductJson(string Id, string? ParentId, string? ProductNumber, int? Stock, IReadOnlyList<PriceJson>? Price, TaxJson? Tax);
