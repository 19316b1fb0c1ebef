using NodaTime;

namespace Connect.Sdk.Testing.RateLimits;

/// <summary>
/// A token bucket on an injected clock: it holds up to a capacity of tokens, refills at a steady rate, and
/// every request takes its cost. Fakes apply one per account or per operation to model a marketplace's rate
/// limit (Amazon's per-operation buckets; with the cost as the query cost, Shopify's leaky bucket), and
/// answer 429 when it is empty. Deterministic: time only moves when the clock does.
/// </summary>
public sealed class TokenBucket
{
    // Refill is summed in doubles (seconds × rate per request), so a bucket that holds exactly the cost can hold a hair
    // less: 0.05 + 1.8 + 0.15 is 0.9999999999999998. A shortfall that small is arithmetic, not a client over the limit,
    // and the marketplace's own bucket would grant the request.
    private const double RoundingTolerance = 1e-9;

    private readonly Lock _gate = new();
    private readonly Func<Instant> _now;
    private double _tokens;
    private Instant _refilledAt;

    /// <summary>Creates a full bucket.</summary>
    /// <param name="capacity">The most tokens the bucket holds (the burst); positive.</param>
    /// <param name="refillPerSecond">Tokens added per second; positive.</param>
    /// <param name="clock">The clock the refill follows; tests pass a <c>FakeClock</c>.</param>
    public TokenBucket(double capacity, double refillPerSecond, IClock clock)
        : this(capacity, refillPerSecond, (clock ?? throw new ArgumentNullException(nameof(clock))).GetCurrentInstant)
    {
    }

    /// <summary>Creates a full bucket on a <see cref="TimeProvider"/>: a fake time the client under test waits on too, or the system's.</summary>
    /// <param name="capacity">The most tokens the bucket holds (the burst); positive.</param>
    /// <param name="refillPerSecond">Tokens added per second; positive.</param>
    /// <param name="time">The time the refill follows.</param>
    public TokenBucket(double capacity, double refillPerSecond, TimeProvider time)
        : this(capacity, refillPerSecond, () => Instant.FromDateTimeOffset((time ?? throw new ArgumentNullException(nameof(time))).GetUtcNow()))
    {
    }

    private TokenBucket(double capacity, double refillPerSecond, Func<Instant> now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillPerSecond);
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _now = now;
        _tokens = capacity;
        _refilledAt = now();
    }

    /// <summary>The most tokens the bucket holds.</summary>
    public double Capacity { get; }

    /// <summary>Tokens added per second.</summary>
    public double RefillPerSecond { get; }

    /// <summary>The tokens available now.</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes the cost of one request if the bucket holds enough tokens.</summary>
    /// <param name="cost">The request's cost; positive and at most <see cref="Capacity"/>.</param>
    /// <param name="retryAfter">When refused, how long until the bucket holds the cost again; otherwise zero.</param>
    /// <returns><see langword="true"/> when the tokens were taken; <see langword="false"/> to answer 429.</returns>
    public bool TryTake(double cost, out Duration retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cost, Capacity);
        lock (_gate)
        {
            Refill();
            if (_tokens + RoundingTolerance >= cost)
            {
                _tokens = Math.Max(0, _tokens - cost);
                retryAfter = Duration.Zero;
                return true;
            }

            // Rounded up to whole nanoseconds: a shortfall of a rounding error must still say "later", never "now".
            retryAfter = Duration.FromNanoseconds(Math.Max(1, Math.Ceiling((cost - _tokens) / RefillPerSecond * 1e9)));
            return false;
        }
    }

    private void Refill()
    {
        var now = _now();

        // A clock that goes back (a test resetting it) must not drain the bucket.
        var elapsed = Math.Max(0, (now - _refilledAt).TotalSeconds);
        _tokens = Math.Min(Capacity, _tokens + (elapsed * RefillPerSecond));
        _refilledAt = now;
    }
}
