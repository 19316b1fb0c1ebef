using Connect.Sdk.Shipments;

namespace Connect.Sdk.Otto.Shipments;

/// <summary>The SDK's carriers as OTTO's <c>trackingKey.carrier</c> codes.</summary>
internal static class OttoCarriers
{
    /// <summary>OTTO's code for a carrier: the SDK's well-known carriers mapped, any other name matched upper-case with underscores.</summary>
    /// <param name="carrier">The carrier.</param>
    /// <returns>The code, or <see langword="null"/> when OTTO takes no such carrier.</returns>
    public static string? CodeOf(Carrier carrier)
    {
        if (carrier == Carrier.Dhl)
        {
            return "DHL";
        }

        if (carrier == Carrier.Hermes)
        {
            return "HERMES";
        }

        var code = carrier.Value.Trim().Replace(' ', '_').Replace('-', '_').ToUpperInvariant();
        return OttoApi.Carriers.Contains(code) ? code : null;
    }
}
