namespace Connect.Sdk.Shopware.Wire;

/// <summary>A payment method.</summary>
internal sealed record PaymentMethodJson(string? Name);
