using System.Globalization;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Turns Mirakl's <c>country_iso_code</c> (ISO 3166-1, three letters as Mirakl sends it, e.g. <c>FRA</c>) into the two
/// letters of the SDK's addresses; two letters pass as they are.
/// </summary>
internal static class CountryCodes
{
    private static readonly Lazy<Dictionary<string, string>> TwoByThree = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => TryRegion(c.Name))
            .OfType<RegionInfo>()
            .GroupBy(r => r.ThreeLetterISORegionName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().TwoLetterISORegionName, StringComparer.OrdinalIgnoreCase));

    /// <summary>The two-letter code.</summary>
    /// <param name="code">Mirakl's code.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The two-letter code.</returns>
    /// <exception cref="FormatException">The code is neither two letters nor a known three-letter code.</exception>
    public static string TwoLetter(string code, string field) => code.Trim() switch
    {
        { Length: 2 } two when two.All(char.IsAsciiLetter) => two.ToUpperInvariant(),
        { Length: 3 } three when TwoByThree.Value.TryGetValue(three, out var two) => two,
        _ => throw new FormatException($"{field} '{code}' is not an ISO 3166-1 country code"),
    };

    private static RegionInfo? TryRegion(string culture)
    {
        try
        {
            return new RegionInfo(culture);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
