namespace Connect.Sdk.Orders;

/// <summary>
/// An order the connector could not turn into a <see cref="MarketplaceOrder"/> (a malformed or
/// incomplete payload). The SDK journals it as failed instead of stopping the import.
/// </summary>
/// <param name="OrderNumber">The order number, when the payload got that far; otherwise the marketplace id or a placeholder.</param>
/// <param name="Reason">What was wrong, e.g. "tax information missing in shop order 1001".</param>
public sealed record UnreadableOrder(string OrderNumber, string Reason);
