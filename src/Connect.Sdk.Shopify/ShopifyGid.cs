namespace Connect.Sdk.Shopify;

/// <summary>Shopify's global ids, <c>gid://shopify/{Type}/{id}</c>, kept as strings: the numbers exceed what a double holds.</summary>
internal static class ShopifyGid
{
    /// <summary>The GID of a resource.</summary>
    /// <param name="type">e.g. <c>ProductVariant</c>.</param>
    /// <param name="id">The resource's id as the ERP stores it.</param>
    /// <returns>The GID.</returns>
    public static string Of(string type, string id) => $"gid://shopify/{type}/{id}";

    /// <summary>The last segment of a GID (the id the REST API and the admin show), without any query string.</summary>
    /// <param name="gid">The GID.</param>
    /// <returns>The id, or the whole text when it is not a GID.</returns>
    public static string IdOf(string gid)
    {
        ArgumentNullException.ThrowIfNull(gid);
        var end = gid.IndexOf('?', StringComparison.Ordinal);
        var path = end < 0 ? gid : gid[..end];
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }
}
