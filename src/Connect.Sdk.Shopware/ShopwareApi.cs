namespace Connect.Sdk.Shopware;

/// <summary>What the Shopware 6 Admin API fixes and the connector relies on: paths, ids, limits and error codes.</summary>
internal static class ShopwareApi
{
    /// <summary>The Admin API under the shop's address.</summary>
    public const string Root = "api/";

    /// <summary>The token route under the Admin API.</summary>
    public const string TokenPath = "oauth/token";

    /// <summary>The system default currency's id (<c>Defaults::CURRENCY</c>); every product price has an entry for it.</summary>
    public const string DefaultCurrencyId = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    /// <summary>The installer's Standard customer group (<c>FALLBACK_CUSTOMER_GROUP</c>), whose <c>displayGross</c> decides the basis.</summary>
    public const string StandardCustomerGroupId = "cfbd5018d38d41d8adca10d94fc8bdd6";

    /// <summary>How many records one sync request carries: Shopware names no maximum; this keeps one transaction small.</summary>
    public const int SyncBatchSize = 100;

    /// <summary>The page size of the order search.</summary>
    public const int OrderPageSize = 100;

    /// <summary>The delivery custom field holding each parcel's tracking code, carrier and lines.</summary>
    public const string ParcelsCustomField = "connect_sdk_parcels";

    /// <summary>The error code of a state transition the delivery's state does not allow.</summary>
    public const string IllegalTransitionCode = "SYSTEM__ILLEGAL_STATE_TRANSITION";
}
