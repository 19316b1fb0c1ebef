namespace Connect.Sdk.Otto.Orders;

/// <summary>OTTO's ISO 3166-1 alpha-3 country codes as the alpha-2 codes the SDK's addresses carry.</summary>
internal static class OttoCountries
{
    private static readonly Dictionary<string, string> ByAlpha3 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DEU"] = "DE", ["AUT"] = "AT", ["CHE"] = "CH", ["NLD"] = "NL", ["BEL"] = "BE", ["LUX"] = "LU", ["FRA"] = "FR",
        ["ITA"] = "IT", ["ESP"] = "ES", ["POL"] = "PL", ["CZE"] = "CZ", ["DNK"] = "DK", ["GBR"] = "GB", ["SWE"] = "SE",
        ["HUN"] = "HU", ["SVK"] = "SK", ["SVN"] = "SI", ["HRV"] = "HR", ["PRT"] = "PT", ["IRL"] = "IE", ["FIN"] = "FI",
        ["GRC"] = "GR", ["ROU"] = "RO", ["BGR"] = "BG", ["LTU"] = "LT", ["LVA"] = "LV", ["EST"] = "EE", ["LIE"] = "LI",
        ["NOR"] = "NO", ["CHN"] = "CN", ["USA"] = "US", ["TUR"] = "TR",
    };

    /// <summary>The alpha-2 code of an alpha-3 code, or <see langword="null"/> for one the connector does not know.</summary>
    /// <param name="alpha3">The alpha-3 code.</param>
    /// <returns>The alpha-2 code.</returns>
    public static string? Alpha2(string alpha3) => ByAlpha3.GetValueOrDefault(alpha3);
}
