namespace Connect.Sdk.Stock;

/// <summary>
/// An article's stock in the ERP, as the host's <see cref="IStockSource"/> reports it. The SDK computes
/// the quantity to publish from it with the connection's stock rules.
/// </summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="OnHand">The quantity on hand; decimal because ERPs keep fractional stock (kilograms, metres).</param>
/// <param name="ReservedByOpenOrders">The quantity reserved by open orders and not yet shipped.</param>
public sealed record StockLevel(string ArticleNumber, decimal OnHand, decimal ReservedByOpenOrders);
