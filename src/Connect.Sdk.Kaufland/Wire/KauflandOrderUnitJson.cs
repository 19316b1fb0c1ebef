namespace Connect.Sdk.Kaufland.Wire;

/// <summary>One order unit of an order: one piece of one offer, its price and shipping rate in integer cents.</summary>
/// <param name="IdOrderUnit">The order unit's id.</param>
/// <param name="Status">need_to_be_sent, sent, received, cancelled, …</param>
/// <param name="Price">What the buyer paid for the piece, in integer cents of <paramref name="Currency"/>, VAT included.</param>
/// <param name="ShippingRate">The shipping charged for the piece, in integer cents.</param>
/// <param name="IdOffer">The seller's own id of the offer (unit) sold.</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="TsUpdatedIso">When the order unit last changed (ISO 8601).</param>
/// <param name="Product">The product sold.</param>
/// <param name="Vat">The VAT rate in percent, e.g. 19.</param>
internal sealed record KauflandOrderUnitJson(
    long IdOrderUnit,
    string Status,
    long Price,
    long? ShippingRate,
    string IdOffer,
    string Currency,
    string TsUpdatedIso,
    KauflandProductJson? Product,
    decimal? Vat);
