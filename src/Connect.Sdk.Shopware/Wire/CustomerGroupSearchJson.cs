namespace Connect.Sdk.Shopware.Wire;

/// <summary>A customer group search's answer.</summary>
internal sealed record CustomerGroupSearchJson(IReadOnlyList<CustomerGroupJson> Data);
