namespace Connect.Sdk.Http;

/// <summary>
/// The arithmetic of the generic cell rate algorithm, and nothing else: no clock, no lock, no waiting. The in-process
/// budget changes it under its lock, the shared budget by compare-and-set on the store, so the algorithm exists once.
/// </summary>
/// <remarks>
/// Instead of counting tokens it keeps the moment the bucket is full again (<see cref="FullAt"/>): a request of cost
/// <c>c</c> may go once the bucket holds <c>c</c>, that is from <c>FullAt − (capacity − c) / rate</c>, and pushes
/// <see cref="FullAt"/> on by <c>c / rate</c>. Instants are absolute ticks since the Unix epoch, never relative to one
/// process's start, so two processes can share the state. Spans are rounded towards the stricter side (a booking up,
/// a tolerance down): a tick too early would be a tick over the limit.
/// </remarks>
/// <param name="FullAt">Unix ticks at which the bucket is full again, counting every unit taken so far.</param>
/// <param name="PausedUntil">Unix ticks before which nothing is sent, after a 429.</param>
/// <param name="RatePerSecond">The units that come back per second.</param>
/// <param name="InFlight">
/// Units of requests sent and not answered yet (<see cref="Send"/> until <see cref="Answered"/>). The server may count
/// each at any moment in between, so they hold units however long ago the bucket was full, and <see cref="FullAt"/>
/// already counts them.
/// </param>
internal readonly record struct GcraBucket(long FullAt, long PausedUntil, double RatePerSecond, double InFlight = 0)
{
    // A reported rate within 0.5 % of the current one is the same rate written with fewer decimals: Amazon's "0.0167"
    // for one a minute is 0.2 % off.
    private const double SameRateTolerance = 0.005;

    /// <summary>A full bucket refilling at the model's rate.</summary>
    public static GcraBucket Full(RateLimitModel model) => new(0, 0, model.RefillPerSecond);

    /// <summary>Unix ticks of a moment.</summary>
    public static long TicksOf(DateTimeOffset moment) => moment.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>
    /// The earliest instant a request of <paramref name="cost"/> that arrived at <paramref name="arrival"/> may go: when
    /// the bucket holds its cost and no pause holds it back; <see cref="long.MaxValue"/> while the units in flight leave
    /// no room for it, which only their answers, not time, give back.
    /// </summary>
    public long SendAt(double cost, double capacity, long arrival) =>
        InFlight + cost > capacity
            ? long.MaxValue
            : Math.Max(Math.Max(arrival, PausedUntil), FullAt - TicksDown((capacity - cost) / RatePerSecond));

    /// <summary>
    /// Takes <paramref name="cost"/> for a request that goes at <paramref name="now"/>, no earlier than <see cref="SendAt"/>,
    /// booked as answered at once (<see cref="IRateBudget.WaitAsync"/>, whose caller reports no answer).
    /// </summary>
    public GcraBucket Take(double cost, long now) => this with { FullAt = DrainsFrom(now) + TicksUp(cost / RatePerSecond) };

    /// <summary>
    /// Takes <paramref name="cost"/> for a request sent at <paramref name="now"/> that stays in flight until
    /// <see cref="Answered"/>. A full bucket refills for nobody: the server counts a request when it arrives, some time
    /// before its answer, and throws refill away while its bucket is full; so a full bucket is taken to start draining
    /// only once the requests in flight are answered, never at the moment they left.
    /// </summary>
    public GcraBucket Send(double cost, long now) => Take(cost, now) with { InFlight = InFlight + cost };

    /// <summary>
    /// A request of <paramref name="cost"/> sent with <see cref="Send"/> was answered (or failed) at <paramref name="now"/>:
    /// each unit in flight, its own included, may have been counted as late as now, so the bucket is full again no
    /// earlier than their refill from now. While the bucket is drained this moves nothing; it bites only where the
    /// server's bucket may have been full (the start, or after a quiet spell), the burst edge where counting from the
    /// send would run ahead of it.
    /// </summary>
    public GcraBucket Answered(double cost, long now) =>
        this with { FullAt = Math.Max(FullAt, now + TicksUp(InFlight / RatePerSecond)), InFlight = Math.Max(0, InFlight - cost) };

    // A full bucket starts draining once the units in flight are answered, at the earliest now.
    private long DrainsFrom(long now) => Math.Max(FullAt, now + TicksUp(InFlight / RatePerSecond));

    /// <summary>
    /// The marketplace refused a request for its rate at <paramref name="now"/>: nothing goes for
    /// <paramref name="pause"/> (or, without one, until one unit has refilled), and then the bucket holds one unit.
    /// </summary>
    public GcraBucket Throttled(long now, TimeSpan? pause, TimeSpan longestPause, double capacity)
    {
        var pauseTicks = Math.Min(pause?.Ticks ?? TicksUp(1 / RatePerSecond), longestPause.Ticks);
        var pausedUntil = Math.Max(PausedUntil, now + pauseTicks);
        return this with { PausedUntil = pausedUntil, FullAt = pausedUntil + TicksUp((capacity - 1) / RatePerSecond) };
    }

    /// <summary>
    /// The marketplace said <paramref name="available"/> units are available at <paramref name="now"/>. Only ever
    /// stricter: the report may predate requests still in flight, whose units it does not count yet.
    /// </summary>
    public GcraBucket Available(long now, double available, double capacity)
    {
        var reportedFullAt = now + TicksUp((capacity - Math.Clamp(available, 0, capacity)) / RatePerSecond);
        return reportedFullAt > FullAt ? this with { FullAt = reportedFullAt } : this;
    }

    /// <summary>
    /// The marketplace said the sustained rate at <paramref name="now"/>. The units missing from the bucket stay
    /// missing; only the speed at which they come back changes. A rate that differs only by rounding changes nothing.
    /// </summary>
    public GcraBucket WithRate(long now, double perSecond)
    {
        // A rate of zero or less, or none at all, is a garbled header, not a limit.
        if (!(perSecond > 0) || double.IsInfinity(perSecond) || Math.Abs(perSecond - RatePerSecond) <= SameRateTolerance * RatePerSecond)
        {
            return this;
        }

        // A pause is the server's and lasts as long at any rate; only what refills after it is rescaled.
        var refillFrom = Math.Max(now, PausedUntil);
        var missingUnits = (double)Math.Max(0, FullAt - refillFrom) / TimeSpan.TicksPerSecond * RatePerSecond;
        return new GcraBucket(refillFrom + TicksUp(missingUnits / perSecond), PausedUntil, perSecond, InFlight);
    }

    private static long TicksUp(double seconds) => (long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond);

    private static long TicksDown(double seconds) => (long)Math.Floor(seconds * TimeSpan.TicksPerSecond);
}
