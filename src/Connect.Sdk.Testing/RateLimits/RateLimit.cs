namespace Connect.Sdk.Testing.RateLimits;

/// <summary>
/// A rate limit a fake marketplace enforces with <see cref="TokenBucket"/>s: how big the bucket is, how fast
/// it refills, what a request costs and whether one bucket serves the whole account or each operation.
/// </summary>
/// <param name="Capacity">The most tokens a bucket holds (the burst).</param>
/// <param name="RefillPerSecond">Tokens added per second.</param>
/// <param name="CostPerRequest">Tokens one request takes.</param>
/// <param name="Scope">One bucket for the account, or one per operation.</param>
public sealed record RateLimit(double Capacity, double RefillPerSecond, double CostPerRequest = 1, RateLimitScope Scope = RateLimitScope.Account);
