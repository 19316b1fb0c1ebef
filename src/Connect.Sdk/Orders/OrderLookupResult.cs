namespace Connect.Sdk.Orders;

/// <summary>The orders found for a list of order numbers ("import orders 1001, 1002").</summary>
/// <param name="Found">The orders found.</param>
/// <param name="NotFound">The numbers the marketplace does not know.</param>
/// <param name="Unreadable">Orders found whose payload could not be read.</param>
public sealed record OrderLookupResult(IReadOnlyList<MarketplaceOrder> Found, IReadOnlyList<string> NotFound, IReadOnlyList<UnreadableOrder> Unreadable);
