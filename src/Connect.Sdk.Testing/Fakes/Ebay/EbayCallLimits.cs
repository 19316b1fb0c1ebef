namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>
/// eBay's daily call limits, per API, as the fake counts them: eBay limits calls per application and day (the day
/// runs from midnight to midnight Pacific time) and answers a call over the limit with 429 and error 2001.
/// </summary>
/// <remarks>
/// The refresh-token grant's 50,000 requests a day is eBay's published OAuth rate limit. eBay publishes the Sell APIs'
/// default limits in a table that changes with the application's growth check; the fake leaves them off unless a test
/// sets them (<see langword="null"/>), the most conservative reading: a test that wants a limit names it.
/// </remarks>
public sealed record EbayCallLimits
{
    /// <summary>The identity API's refresh-token grants a day: 50,000, eBay's published OAuth rate limit.</summary>
    public int? TokenPerDay { get; init; } = 50_000;

    /// <summary>Sell Inventory API calls a day, or <see langword="null"/> for no limit.</summary>
    public int? InventoryPerDay { get; init; }

    /// <summary>Sell Fulfillment API calls a day, or <see langword="null"/> for no limit.</summary>
    public int? FulfillmentPerDay { get; init; }

    /// <summary>Notification API calls a day: 10,000, eBay's published default for the Notification API.</summary>
    public int? NotificationPerDay { get; init; } = 10_000;
}
