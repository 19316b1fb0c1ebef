namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The Seller API's <c>OrderDetails</c>: the order with all its order units, the buyer and the addresses.</summary>
/// <param name="IdOrder">The order id, which is also the number the buyer sees.</param>
/// <param name="TsCreatedIso">When the order was placed (ISO 8601).</param>
/// <param name="OrderUnits">Its order units, one per piece.</param>
/// <param name="BillingAddress">The billing address.</param>
/// <param name="ShippingAddress">The shipping address.</param>
/// <param name="Buyer">The buyer.</param>
internal sealed record KauflandOrderJson(
    string IdOrder,
    string TsCreatedIso,
    IReadOnlyList<KauflandOrderUnitJson?> OrderUnits,
    KauflandAddressJson? BillingAddress,
    KauflandAddressJson? ShippingAddress,
    KauflandBuyerJson? Buyer);
