namespace Basar.Connector.Wire;

/// <summary>An order as Basar sends it (<c>GET /api/v1/orders/{number}</c>, and in each page of the order list).</summary>
/// <remarks>Optional fields have defaults: the strict JSON context requires every parameter without one. Money arrives as decimal strings ("12.99") and times as ISO 8601 in UTC; the mapper converts both. Basar's addresses have the SDK's <see cref="Address"/> fields, names and required ones alike, so they are read as they are.</remarks>
internal sealed record BasarOrderJson(
    string Number,
    string Id,
    string CreatedAt,
    string UpdatedAt,
    string Status,
    string Currency,
    bool PricesIncludeTax,
    IReadOnlyList<BasarOrderLineJson> Lines,
    BasarShippingJson Shipping,
    string? Total = null,
    Address? BillingAddress = null,
    Address? ShippingAddress = null,
    string? BuyerEmail = null,
    string? PaymentMethod = null,
    IReadOnlyList<BasarShipmentJson>? Shipments = null);
