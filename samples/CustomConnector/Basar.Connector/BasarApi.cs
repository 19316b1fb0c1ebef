namespace Basar.Connector;

/// <summary>
/// What Basar's API documentation fixes: the paths, the limits and the error codes. The connector and the fake
/// both follow it; everything else (payload shapes, rendering) each side spells out on its own, so the fake
/// catches a connector that reads the documentation wrong.
/// </summary>
public static class BasarApi
{
    /// <summary>The path of version 1 of the API under the base URL.</summary>
    public const string Root = "api/v1/";

    /// <summary>The most items <c>PUT /api/v1/offers/stock</c> accepts; more are refused with 413 <c>batch_too_large</c>.</summary>
    public const int MaxStockBatch = 100;

    /// <summary>The largest <c>limit</c> of <c>GET /api/v1/orders</c>; the default is 50.</summary>
    public const int MaxOrderPageSize = 100;

    /// <summary>The burst of Basar's rate limit: requests per API token before the refill rate applies.</summary>
    public const int RateLimitBurst = 20;

    /// <summary>Requests per second and API token Basar allows on average; beyond it answers 429 with <c>Retry-After</c>.</summary>
    public const int RateLimitPerSecond = 5;

    /// <summary>The parcel services Basar lists with tracking links; a parcel of any other is refused.</summary>
    public static IReadOnlyList<string> KnownCarriers { get; } = ["DHL", "DPD", "Hermes", "GLS", "UPS", "Deutsche Post"];
}
