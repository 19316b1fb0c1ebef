namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The body of <c>PATCH /order-units/{id_order_unit}/send</c> (the Seller API's <c>OrderUnitSendRequest</c>).</summary>
/// <param name="CarrierCode">The carrier's code.</param>
/// <param name="TrackingNumbers">The tracking number(s), a string.</param>
internal sealed record KauflandSendJson(string CarrierCode, string TrackingNumbers);
