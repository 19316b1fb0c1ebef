namespace Connect.Sdk.Shopware.Wire;

/// <summary>The order's customer.</summary>
internal sealed record OrderCustomerJson(string? Email);
