namespace Connect.Sdk.Http;

/// <summary>
/// Which shared rate budget a request spends and the limit it has: an account key and its documented model. Put it on
/// a request with <see cref="MarketplaceRequest.RateBudget"/>; requests with equal keys share one budget in
/// <see cref="AccountBudgets"/>, whichever client or connection sends them.
/// </summary>
public sealed record RateBudgetScope
{
    /// <summary>Creates a scope.</summary>
    /// <param name="account">
    /// The account key, e.g. <c>"shopify:my-shop.myshopify.com"</c>, or per operation where the marketplace limits each
    /// one separately, e.g. <c>"amazon:A1B2C3:eu:getOrders"</c>.
    /// </param>
    /// <param name="limit">The account's (or operation's) documented limit.</param>
    public RateBudgetScope(string account, RateLimitModel limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(limit);
        Account = account;
        Limit = limit;
    }

    /// <summary>The account key.</summary>
    public string Account { get; }

    /// <summary>The documented limit.</summary>
    public RateLimitModel Limit { get; }
}
