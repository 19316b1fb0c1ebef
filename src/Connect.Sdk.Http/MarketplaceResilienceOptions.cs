namespace Connect.Sdk.Http;

/// <summary>
/// How a marketplace client retries, times out and stops calling a failing marketplace. The defaults suit the
/// marketplaces' documented limits; adapters change them only where a marketplace needs it.
/// </summary>
public sealed class MarketplaceResilienceOptions
{
    /// <summary>How many times a failed attempt is sent again (5xx, 408, 429, timeouts, network errors). Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first back-off; later ones grow exponentially with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a request may take across all attempts and back-offs, not counting waits the server asked for with
    /// <c>Retry-After</c>: those extend it. Default 2 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured by waiting; a longer one ends the retries and returns the response, so a
    /// caller is not held for an hour. Default 5 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The share of failed attempts (5xx, timeouts, network errors; never 429) that opens the circuit. Default 0.5.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts the circuit breaker needs in its sampling window before it may open. Default 10.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the circuit breaker measures failures. Default 30 seconds.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses requests before letting a trial through. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Problems()
    {
        if (MaxRetryAttempts < 1)
        {
            yield return $"{nameof(MaxRetryAttempts)} must be at least 1, not {MaxRetryAttempts}.";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(BaseDelay), BaseDelay), (nameof(AttemptTimeout), AttemptTimeout), (nameof(TotalTimeout), TotalTimeout),
            (nameof(MaxRetryAfter), MaxRetryAfter), (nameof(CircuitSamplingDuration), CircuitSamplingDuration),
            (nameof(CircuitBreakDuration), CircuitBreakDuration),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{name} must be positive, not {value}.";
            }
        }

        if (AttemptTimeout > TotalTimeout)
        {
            yield return $"{nameof(AttemptTimeout)} ({AttemptTimeout}) must not exceed {nameof(TotalTimeout)} ({TotalTimeout}).";
        }

        if (CircuitFailureRatio is <= 0 or > 1)
        {
            yield return $"{nameof(CircuitFailureRatio)} must be in (0, 1], not {CircuitFailureRatio}.";
        }

        if (CircuitMinimumThroughput < 2)
        {
            yield return $"{nameof(CircuitMinimumThroughput)} must be at least 2, not {CircuitMinimumThroughput}.";
        }
    }
}
