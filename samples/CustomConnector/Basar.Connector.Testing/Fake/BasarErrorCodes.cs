namespace Basar.Connector.Fake;

/// <summary>
/// The error codes Basar's API documentation lists, which the fake answers with. The connector does not switch on
/// them: it reports Basar's message as it is.
/// </summary>
public static class BasarErrorCodes
{
    /// <summary>The error code of a token Basar does not know (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The error code of an order number Basar does not know (404).</summary>
    public const string OrderNotFound = "order_not_found";

    /// <summary>The error code of an offer id Basar does not know, per item of a stock batch.</summary>
    public const string UnknownOffer = "unknown_offer";

    /// <summary>The error code of a parcel whose carrier Basar does not know.</summary>
    public const string UnknownCarrier = "unknown_carrier";
}
