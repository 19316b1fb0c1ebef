namespace Connect.Sdk.Shopware.Wire;

/// <summary>An order transaction.</summary>
internal sealed record TransactionJson(PaymentMethodJson? PaymentMethod);
