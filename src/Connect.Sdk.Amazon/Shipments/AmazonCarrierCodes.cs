using Connect.Sdk.Shipments;

namespace Connect.Sdk.Amazon.Shipments;

/// <summary>
/// The carrier of a package as confirmShipment takes it: Amazon's own code for carriers it knows by the SDK's name,
/// otherwise the code <c>Other</c> with the carrier's name in <c>carrierName</c> (which Amazon then requires).
/// </summary>
internal static class AmazonCarrierCodes
{
    /// <summary>The code Amazon uses for a carrier it does not list.</summary>
    public const string Other = "Other";

    // Carrier codes of Amazon's list that are spelled exactly as the SDK's carrier names.
    private static readonly string[] Known = ["DHL", "DPD", "GLS", "Hermes", "UPS", "FedEx", "USPS", "Deutsche Post", "Royal Mail"];

    /// <summary>The code and, for <c>Other</c>, the name to send.</summary>
    /// <param name="carrier">The ERP's carrier.</param>
    /// <returns>The code and the name (<see langword="null"/> for a known code).</returns>
    public static (string Code, string? Name) Of(Carrier carrier)
    {
        var known = Known.FirstOrDefault(code => string.Equals(code, carrier.Value, StringComparison.OrdinalIgnoreCase));
        return known is not null ? (known, null) : (Other, carrier.Value);
    }
}
