namespace Connect.Sdk.Orders;

/// <summary>
/// An order handed to the ERP's <see cref="IOrderSink"/>: the marketplace order, the ERP article of every
/// line, and a key that stays the same when the hand-over is repeated after a crash.
/// </summary>
/// <param name="Connection">The connection the order came from.</param>
/// <param name="Order">The order.</param>
/// <param name="ArticleNumbersByLineId">The ERP article number of each order line, by <see cref="OrderLine.LineId"/>.</param>
/// <param name="IdempotencyKey">
/// A key unique per (connection, order); a sink that sees a key a second time returns the ERP order it
/// created the first time instead of creating another.
/// </param>
public sealed record OrderHandOver(
    ConnectionId Connection,
    MarketplaceOrder Order,
    IReadOnlyDictionary<string, string> ArticleNumbersByLineId,
    string IdempotencyKey);
