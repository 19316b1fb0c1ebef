using Connect.Sdk.Http;

namespace Connect.Sdk.Kaufland;

/// <summary>
/// What the Seller API's documentation fixes and the connector relies on: the address, the headers, the limits and the
/// storefronts' currencies.
/// </summary>
internal static class KauflandApi
{
    /// <summary>The production API (https://sellerapi.kaufland.com/?page=rest-api).</summary>
    public const string DefaultAddress = "https://sellerapi.kaufland.com/v2/";

    /// <summary>The largest <c>limit</c> a list takes (the <c>limit</c> parameter: "max: 100").</summary>
    public const int MaxPageSize = 100;

    /// <summary>The header with the seller's client key.</summary>
    public const string ClientKeyHeader = "Shop-Client-Key";

    /// <summary>The header with the request's unix time in seconds, part of what is signed.</summary>
    public const string TimestampHeader = "Shop-Timestamp";

    /// <summary>The header with the request's signature.</summary>
    public const string SignatureHeader = "Shop-Signature";

    /// <summary>
    /// 111 requests per seller per second across all endpoints, beyond which Kaufland answers 429
    /// (https://sellerapi.kaufland.com/?page=rate-limits). No burst is documented: the requests are spread evenly.
    /// </summary>
    public static RateLimitModel RateLimit { get; } = RateLimitModel.TokenBucket(111, 1);

    /// <summary>The currency of each storefront: CZK for cz, PLN for pl, EUR for the others (UnitPatchRequest, <c>listing_price</c>).</summary>
    public static IReadOnlyDictionary<string, CurrencyCode> StorefrontCurrencies { get; } = new Dictionary<string, CurrencyCode>(StringComparer.Ordinal)
    {
        ["de"] = CurrencyCode.Eur,
        ["at"] = CurrencyCode.Eur,
        ["sk"] = CurrencyCode.Eur,
        ["cz"] = new("CZK"),
        ["pl"] = new("PLN"),
        ["fr"] = CurrencyCode.Eur,
        ["it"] = CurrencyCode.Eur,
    };

    /// <summary>
    /// The order unit statuses, the eight values of the Seller API's <c>OrderUnitStatus</c> (kassaline/openapi-clients-kaufland,
    /// <c>lib/Model/OrderUnitStatus.php</c>).
    /// </summary>
    public static IReadOnlySet<string> OrderUnitStatuses { get; } = new HashSet<string>(StringComparer.Ordinal) { "cancelled", "need_to_be_sent", "open", "received", "returned", "returned_paid", "sent", "sent_and_autopaid" };

    /// <summary>The order unit statuses of a piece on its way or delivered.</summary>
    public static IReadOnlySet<string> SentStatuses { get; } = new HashSet<string>(StringComparer.Ordinal) { "sent", "sent_and_autopaid", "received", "returned", "returned_paid" };

    /// <summary>The status of an order unit the seller still has to send.</summary>
    public const string NeedToBeSent = "need_to_be_sent";

    /// <summary>The status of a cancelled order unit.</summary>
    public const string Cancelled = "cancelled";
}
