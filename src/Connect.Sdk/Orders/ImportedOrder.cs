using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>An entry of the imported-order ledger: proof that an order reached the ERP.</summary>
/// <param name="Connection">The connection the order came from.</param>
/// <param name="OrderNumber">The marketplace order number.</param>
/// <param name="ErpOrderId">The ERP's order id.</param>
/// <param name="ImportedAt">When the ERP accepted the order.</param>
public sealed record ImportedOrder(ConnectionId Connection, string OrderNumber, string ErpOrderId, Instant ImportedAt);
