namespace Connect.Sdk.Shopware.Wire;

/// <summary>A product search's answer.</summary>
internal sealed record ProductSearchJson(int Total, IReadOnlyList<ProductJson> Data);
