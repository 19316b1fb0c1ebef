using Connect.Sdk.Shipments;

namespace Connect.Sdk.Ebay.Shipments;

/// <summary>
/// eBay's <c>shippingCarrierCode</c> for the SDK's carriers: the carrier's name in upper case with underscores
/// (<c>DHL</c>, <c>DEUTSCHE_POST</c>, <c>HERMES</c>). eBay's list of codes is not in the sources at hand, so this is the
/// most literal reading; docs/marketplaces/ebay.md lists it as unverified.
/// </summary>
internal static class EbayCarrierCodes
{
    /// <summary>The code of a carrier.</summary>
    /// <param name="carrier">The carrier.</param>
    /// <returns>The code, e.g. <c>DHL_EXPRESS</c>.</returns>
    public static string Of(Carrier carrier) => carrier.Value.Trim().ToUpperInvariant().Replace(' ', '_');
}
