namespace Connect.Sdk.Http;

/// <summary>
/// The rate limit a marketplace documents for an account, as an adapter declares it: a bucket of
/// <see cref="Capacity"/> units that refills at <see cref="RefillPerSecond"/>; each request takes its cost
/// (<see cref="MarketplaceRequest.Cost"/>, 1 by default).
/// </summary>
/// <remarks>
/// Amazon's token bucket (rate and burst), Shopify REST's leaky bucket (size and leak rate) and Shopify GraphQL's
/// calculated query cost (maximum available and restore rate) are the same arithmetic seen from different sides,
/// so one model serves all three; the factory methods name the marketplace's own terms.
/// </remarks>
public sealed record RateLimitModel
{
    private RateLimitModel(double capacity, double refillPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillPerSecond);
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
    }

    /// <summary>How many units the bucket holds when full: the burst.</summary>
    public double Capacity { get; }

    /// <summary>How many units come back per second: the sustained rate.</summary>
    public double RefillPerSecond { get; }

    /// <summary>A token bucket, e.g. Amazon getOrderItems: <c>TokenBucket(0.5, 30)</c>.</summary>
    /// <param name="ratePerSecond">The documented rate in requests per second.</param>
    /// <param name="burst">The documented burst.</param>
    /// <returns>The model.</returns>
    public static RateLimitModel TokenBucket(double ratePerSecond, int burst) => new(burst, ratePerSecond);

    /// <summary>A leaky bucket, e.g. Shopify REST standard: <c>LeakyBucket(40, 2)</c>.</summary>
    /// <param name="size">How many requests the bucket holds.</param>
    /// <param name="leakPerSecond">How many leak out per second.</param>
    /// <returns>The model.</returns>
    public static RateLimitModel LeakyBucket(int size, double leakPerSecond) => new(size, leakPerSecond);

    /// <summary>
    /// A cost-based limit, e.g. Shopify GraphQL standard: <c>CostBased(1000, 100)</c>. Requests set their estimated
    /// cost with <see cref="MarketplaceRequest.Cost"/>; the adapter reports the server's <c>currentlyAvailable</c>
    /// through <see cref="IRateBudget.ReportAvailable"/>.
    /// </summary>
    /// <param name="maximumAvailable">The most points the account can hold.</param>
    /// <param name="restorePerSecond">How many points come back per second.</param>
    /// <returns>The model.</returns>
    public static RateLimitModel CostBased(double maximumAvailable, double restorePerSecond) => new(maximumAvailable, restorePerSecond);
}
