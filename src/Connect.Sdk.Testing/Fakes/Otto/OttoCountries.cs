namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>ISO 3166-1 alpha-2 codes as OTTO's alpha-3 ones, for the countries OTTO Market ships to and from.</summary>
internal static class OttoCountries
{
    private static readonly Dictionary<string, string> ByAlpha2 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = "DEU", ["AT"] = "AUT", ["CH"] = "CHE", ["NL"] = "NLD", ["BE"] = "BEL", ["LU"] = "LUX", ["FR"] = "FRA",
        ["IT"] = "ITA", ["ES"] = "ESP", ["PL"] = "POL", ["CZ"] = "CZE", ["DK"] = "DNK", ["GB"] = "GBR", ["CN"] = "CHN",
    };

    /// <summary>The alpha-3 code of an alpha-2 code.</summary>
    /// <exception cref="ArgumentException">A country the fake does not know.</exception>
    public static string Alpha3(string alpha2) =>
        ByAlpha2.TryGetValue(alpha2, out var alpha3) ? alpha3 : throw new ArgumentException($"The OTTO fake knows no alpha-3 code for country {alpha2}.", nameof(alpha2));
}
