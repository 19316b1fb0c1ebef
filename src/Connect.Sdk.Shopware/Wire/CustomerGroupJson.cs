namespace Connect.Sdk.Shopware.Wire;

/// <summary>A customer group and whether it is shown gross prices.</summary>
internal sealed record CustomerGroupJson(string Id, bool? DisplayGross);
