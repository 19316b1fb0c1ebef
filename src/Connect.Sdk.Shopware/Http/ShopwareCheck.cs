using Connect.Sdk.Http;

namespace Connect.Sdk.Shopware.Http;

/// <summary>The connection check's call.</summary>
internal static class ShopwareCheck
{
    /// <summary><c>GET /api/_info/version</c>: needs a valid token, reads no shop data.</summary>
    public static MarketplaceCall Version { get; } = MarketplaceCall.Get("_info/version", "info.version");
}
