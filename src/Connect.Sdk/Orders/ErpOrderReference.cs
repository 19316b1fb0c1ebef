namespace Connect.Sdk.Orders;

/// <summary>The ERP's reference to an order it accepted from the SDK.</summary>
/// <param name="ErpOrderId">The ERP's order id or number.</param>
public sealed record ErpOrderReference(string ErpOrderId);
