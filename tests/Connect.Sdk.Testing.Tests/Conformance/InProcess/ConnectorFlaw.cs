namespace Connect.Sdk.Testing.Tests.Conformance.InProcess;

/// <summary>Mistakes the in-process connector can make on purpose, to prove the conformance kit catches each.</summary>
[Flags]
internal enum ConnectorFlaw
{
    /// <summary>A correct connector.</summary>
    None = 0,

    /// <summary>Reads the first page of changed orders only.</summary>
    IgnoresPagination = 1,

    /// <summary>Maps the line total into the unit price.</summary>
    UnitPriceAsLineTotal = 2,

    /// <summary>Sends every stock level as 0.</summary>
    SendsZeroStock = 4,

    /// <summary>Logs the access token with every call.</summary>
    LogsToken = 8,

    /// <summary>Never looks at the cancellation token.</summary>
    IgnoresCancellation = 16,

    /// <summary>Takes a payload it cannot parse for an empty page.</summary>
    TakesMalformedAsEmpty = 32,

    /// <summary>Does not retry, and skips an order page whose request failed.</summary>
    SkipsFailedPages = 64,

    /// <summary>Passes the connection check without asking the marketplace.</summary>
    AcceptsAnyToken = 128,

    /// <summary>Sends every shipment of an order on each export, also those the marketplace has.</summary>
    ResendsShipments = 256,

    /// <summary>Reports a stock batch as sent when the call failed.</summary>
    ReportsFailedStockAsSent = 512,

    /// <summary>Leaves out the seller SKU of every line.</summary>
    DropsLineSku = 1024,

    /// <summary>Fails the connection check on its own, without asking the marketplace.</summary>
    RefusesWithoutAsking = 2048,

    /// <summary>Numbers an order's lines 1, 2, … instead of keeping the marketplace's line ids.</summary>
    RenumbersLines = 4096,

    /// <summary>Sends prices without their compare-at price.</summary>
    DropsCompareAt = 8192,

    /// <summary>Sends prices without their compare-at price and says so on each record (Warning), as a marketplace without one does.</summary>
    WarnsCompareAtAway = 16384,

    /// <summary>Sends every price in the shop's currency, whatever currency the rules computed it in.</summary>
    RewritesCurrency = 32768,

    /// <summary>Sends net and gross prices alike, whatever basis the shop takes them on.</summary>
    IgnoresBasis = 65536,

    /// <summary>Answers every price record Failed, though the marketplace applied it.</summary>
    ReportsAppliedPricesAsFailed = 131072,

    /// <summary>Answers every price it published whole, compare-at included, with a Warning.</summary>
    WarnsOnEveryPrice = 262144,
}
