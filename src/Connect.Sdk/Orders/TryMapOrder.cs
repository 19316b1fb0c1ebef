using System.Diagnostics.CodeAnalysis;

namespace Connect.Sdk.Orders;

/// <summary>
/// A connector's mapping of one order as the marketplace sends it (JSON, a wire type) into a
/// <see cref="MarketplaceOrder"/>, or into the reason it cannot be read. <see cref="OrderPage.Map{TPayload}"/> applies it
/// to a page of orders.
/// </summary>
/// <typeparam name="TPayload">The marketplace's shape of an order.</typeparam>
/// <param name="payload">One order as the marketplace sent it.</param>
/// <param name="order">The order, when it could be read.</param>
/// <param name="unreadable">Why it could not be read, naming the order as far as the payload got.</param>
/// <returns><see langword="true"/> when <paramref name="order"/> is set, <see langword="false"/> when <paramref name="unreadable"/> is.</returns>
public delegate bool TryMapOrder<in TPayload>(TPayload payload, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? unreadable);
