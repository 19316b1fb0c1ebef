namespace Connect.Sdk.Otto;

/// <summary>What OTTO Market's API reference fixes and the connector relies on: paths, limits and vocabulary.</summary>
internal static class OttoApi
{
    /// <summary>The token endpoint, at the root of the API's host.</summary>
    public const string TokenPath = "/v1/token";

    /// <summary>The scopes the connector asks for: the APIs its features call.</summary>
    public const string Scopes = "availability orders products shipments";

    /// <summary>The most SKUs one quantity update takes (Availability guide: "up to 200 SKUs per request").</summary>
    public const int MaxQuantityBatch = 200;

    /// <summary>The most product variation prices one price update takes (Products v4 reference: 500).</summary>
    public const int MaxPriceBatch = 500;

    /// <summary>The most orders one page of the order list holds, and its default (Orders v4 reference: 128).</summary>
    public const int OrderPageSize = 128;

    /// <summary>OTTO Market sells in euros.</summary>
    public static CurrencyCode Currency => CurrencyCode.Eur;

    /// <summary>The carriers <c>trackingKey.carrier</c> takes (the enum of shipment-interface.yml).</summary>
    public static IReadOnlyList<string> Carriers { get; } = ["DHL", "DHL_FREIGHT", "DHL_HOME_DELIVERY", "GLS", "HERMES", "DPD", "UPS", "HES", "HELLMANN", "DB_SCHENKER"];
}
