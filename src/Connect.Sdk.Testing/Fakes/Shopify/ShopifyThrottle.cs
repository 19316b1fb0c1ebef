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
    /// The Standard plan: a restore rate of 100 points per second as Shopify's GraphQL Admin rate-limit table
    /// gives it. The documentation does not name the bucket size; 2000 points is what live answers quoted in a
    /// community thread show next to that rate (older documents paired 1000 points with 50 per second, twenty
    /// seconds of restore, which 2000 keeps).
    /// </summary>
    public static ShopifyThrottle Standard { get; } = new(2000, 100);
}
