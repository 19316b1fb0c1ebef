namespace Connect.Sdk.Shopware.Wire;

/// <summary>A state machine state.</summary>
internal sealed record StateJson(string? TechnicalName);
