namespace Connect.Sdk.WooCommerce;

/// <summary>
/// What the WooCommerce REST API v3 documentation fixes and the connector relies on: the path, the limits and the
/// error codes it reacts to.
/// </summary>
internal static class WooCommerceApi
{
    /// <summary>The REST API v3 under the store's address.</summary>
    public const string Root = "wp-json/wc/v3/";

    /// <summary>The most objects one <c>POST …/batch</c> accepts (create, update and delete together); more answer 413.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>The largest <c>per_page</c> WordPress accepts on a list.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The header with the number of pages of a list for the query as sent.</summary>
    public const string TotalPagesHeader = "X-WP-TotalPages";

    /// <summary>The format of WooCommerce's <c>*_gmt</c> times and of the <c>modified_after</c> filter: no offset, UTC.</summary>
    public const string DateFormat = "uuuu'-'MM'-'dd'T'HH':'mm':'ss";

    /// <summary>The error codes of a batch item whose product or variation id the shop does not know (any more).</summary>
    public static IReadOnlySet<string> UnknownIdCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "woocommerce_rest_product_invalid_id",
        "woocommerce_rest_product_variation_invalid_id",
    };
}
