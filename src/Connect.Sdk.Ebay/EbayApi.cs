namespace Connect.Sdk.Ebay;

/// <summary>What eBay's API reference fixes and the connector relies on: paths, scopes and limits.</summary>
internal static class EbayApi
{
    /// <summary>eBay's production API host.</summary>
    public static readonly Uri Production = new("https://api.ebay.com/");

    /// <summary>The identity API's token endpoint under the API host.</summary>
    public const string TokenPath = "identity/v1/oauth2/token";

    /// <summary>The scopes the connector asks its user tokens for: the Inventory and Fulfillment APIs.</summary>
    public const string Scopes = "https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/sell.fulfillment";

    /// <summary>The most requests one <c>bulkUpdatePriceQuantity</c> call takes.</summary>
    public const int MaxBulkUpdate = 25;
}
