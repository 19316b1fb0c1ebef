namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order line item.</summary>
internal sealed record LineItemJson(string Id, string? Identifier, string? Type, string? Label, int? Quantity, decimal? UnitPrice, decimal? TotalPrice, int? Position, CalculatedPriceJson? Price, LineItemPayloadJson? Payload);
