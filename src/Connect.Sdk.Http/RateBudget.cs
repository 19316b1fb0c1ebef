namespace Connect.Sdk.Http;

/// <summary>
/// A token bucket driven by a <see cref="TimeProvider"/>. System.Threading.RateLimiting's
/// <c>TokenBucketRateLimiter</c> refills on its own real-time timer and takes no TimeProvider, so it could neither be
/// tested on fake time nor be re-based from what the server reports; this one is small enough to own.
/// </summary>
/// <remarks>
/// It is the generic cell rate algorithm: instead of counting tokens it keeps the moment the bucket will be full again,
/// and each request reserves its slot on arrival. That makes waiters first come, first served, and a request waits
/// exactly until its cost has refilled, so a run of requests takes the theoretical minimum time.
/// </remarks>
internal sealed class RateBudget : IRateBudget
{
    // A reported rate within 0.5 % of the current one is the same rate written with fewer decimals: Amazon's "0.0167"
    // for one a minute is 0.2 % off.
    private const double SameRateTolerance = 0.005;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _origin;
    private readonly double _capacity;
    private double _rate;

    // Seconds since _origin at which the bucket is full again, counting every reservation made so far.
    private double _fullAt;

    // Seconds since _origin before which nothing is sent, after a 429.
    private double _pausedUntil;

    // Bumped when the server re-bases the bucket; a waiter that sees it changed reserves again.
    private long _epoch;

    public RateBudget(RateLimitModel model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        Model = model;
        _time = time;
        _origin = time.GetUtcNow();
        _capacity = model.Capacity;
        _rate = model.RefillPerSecond;
    }

    /// <summary>The longest a 429 pauses the account.</summary>
    internal static TimeSpan MaxPause { get; } = TimeSpan.FromMinutes(5);

    public RateLimitModel Model { get; }

    private double Now => (_time.GetUtcNow() - _origin).TotalSeconds;

    public async ValueTask WaitAsync(double cost, CancellationToken cancellationToken)
    {
        if (cost <= 0 || cost > _capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"A request must cost more than 0 and at most the bucket's capacity of {_capacity}.");
        }

        while (true)
        {
            double wait;
            double reserved;
            double reservedUpTo;
            long epoch;
            lock (_gate)
            {
                var now = Now;
                var sendAt = Math.Max(Math.Max(now, _pausedUntil), _fullAt - ((_capacity - cost) / _rate));
                reserved = cost / _rate;
                _fullAt = Math.Max(_fullAt, sendAt) + reserved;
                reservedUpTo = _fullAt;
                epoch = _epoch;
                wait = sendAt - now;
            }

            if (wait <= 0)
            {
                return;
            }

            try
            {
                // Rounded up to whole ticks: a timer that fires a tick early would send a tick over the limit.
                await Task.Delay(TimeSpan.FromTicks((long)Math.Ceiling(wait * TimeSpan.TicksPerSecond)), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    // Only the last reservation can be handed back: a later one is booked behind this slot, and freeing
                    // the slot under it would let two requests share one.
                    if (epoch == _epoch && _fullAt == reservedUpTo)
                    {
                        _fullAt -= reserved;
                    }
                }

                throw;
            }

            lock (_gate)
            {
                if (epoch == _epoch)
                {
                    return;
                }
            }
        }
    }

    public void ReportThrottled(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            // Capped like the retry's own wait (MarketplaceResilienceOptions.MaxRetryAfter): a server asking for hours must
            // not hold every connection of the account that long; the retry hands such an answer back to the caller.
            var pause = Math.Min(retryAfter?.TotalSeconds ?? (1 / _rate), MaxPause.TotalSeconds);
            var resumeAt = Now + pause;
            _pausedUntil = Math.Max(_pausedUntil, resumeAt);

            // The server says the bucket is empty: it holds one unit again when the pause ends.
            _fullAt = _pausedUntil + ((_capacity - 1) / _rate);
            _epoch++;
        }
    }

    public void ReportAvailable(double available)
    {
        lock (_gate)
        {
            // Only ever stricter: the report may predate requests still in flight, whose units it does not count yet.
            var tokens = Math.Clamp(available, 0, _capacity);
            var reportedFullAt = Now + ((_capacity - tokens) / _rate);

            // Shopify reports after every answer; a report our own bookings already cover must not make every waiter
            // book again, or waiters side by side would keep pushing each other back.
            if (reportedFullAt > _fullAt)
            {
                _fullAt = reportedFullAt;
                _epoch++;
            }
        }
    }

    public void ReportRate(double perSecond)
    {
        if (perSecond <= 0 || double.IsNaN(perSecond) || double.IsInfinity(perSecond))
        {
            return;
        }

        lock (_gate)
        {
            // Amazon repeats the rate on every answer, rounded ("0.0167" for one a minute). Re-basing on a rate that did
            // not change would only make every waiter book again, and waiters side by side would keep pushing each other back.
            if (Math.Abs(perSecond - _rate) <= SameRateTolerance * _rate)
            {
                return;
            }

            // Keep the units the bucket holds now; only the speed at which the rest comes back changes.
            var now = Now;
            var missing = Math.Max(0, _fullAt - now) * _rate;
            _rate = perSecond;
            _fullAt = now + (missing / _rate);

            // Waiters booked at the old speed reserve again at the new one.
            _epoch++;
        }
    }
}
