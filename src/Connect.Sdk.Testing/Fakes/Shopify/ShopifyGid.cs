using System.Globalization;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>Shopify's global ids, <c>gid://shopify/{Type}/{number}</c>: formats and reads them.</summary>
internal static class ShopifyGid
{
    /// <summary>
    /// The first number the fake hands out: 2^53 + 1, the smallest integer a double cannot hold. Every id above
    /// it that is odd breaks a client that reads ids as JSON numbers or doubles, as production's 64-bit ids can.
    /// </summary>
    public const long FirstId = 9_007_199_254_740_993;

    public static string Of(string type, long id) => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/{type}/{id}");

    public static bool TryParse(string? gid, string type, out long id)
    {
        id = 0;
        var prefix = $"gid://shopify/{type}/";
        return gid is not null
            && gid.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(gid.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
