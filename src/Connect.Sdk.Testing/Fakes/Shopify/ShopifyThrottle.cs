namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// The cost-based leaky bucket of the Shopify fake's GraphQL Admin API: one bucket per shop (per app and
/// store on Shopify), holding up to <see cref="MaximumAvailable"/> points and restoring <see cref="RestoreRate"/>
/// points per second on the fake's clock.
/// </summary>
/// <param name="MaximumAvailable">The bucket size in points; positive.</param>
/// <param name="RestoreRate">Points restored per second; positive.</param>
public sealed record ShopifyThrottle(double MaximumAvailable, double RestoreRate)
{
    /// <summary>
    /// The Standard plan: a restore rate of 100 points per second as shopify.dev's GraphQL Admin rate-limit table
    /// gives it. The bucket size of 2000 points is an assumption (the stored facts do not name it; older
    /// documents paired 1000 points with 50 per second, i.e. twenty seconds of restore, which 2000 keeps).
    /// </summary>
    public static ShopifyThrottle Standard { get; } = new(2000, 100);
}
