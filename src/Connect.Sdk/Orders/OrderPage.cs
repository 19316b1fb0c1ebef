namespace Connect.Sdk.Orders;

/// <summary>One page of changed orders from a marketplace.</summary>
/// <param name="Orders">The orders read.</param>
/// <param name="Unreadable">The orders on the page whose payload could not be read.</param>
/// <param name="Resume">Where to resume after this page once its orders are staged.</param>
public sealed record OrderPage(IReadOnlyList<MarketplaceOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable, OrderCursor Resume);
