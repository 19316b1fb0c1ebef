namespace Connect.Sdk.Shopware.Wire;

/// <summary>One record of a product upsert: its stock or its price.</summary>
internal sealed record ProductWriteJson(string Id, int? Stock = null, IReadOnlyList<PriceWriteJson>? Price = null);
