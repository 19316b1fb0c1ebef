using System.Diagnostics;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;

namespace Connect.Sdk.Pacing.Measurement;

/// <summary>What the marketplace saw in one scenario: the bucket, the writes it applied, the 429s and when.</summary>
public sealed class MarketplaceTally(int burst, double rate)
{
    private readonly TokenBucket _bucket = new(burst, rate, SystemClock.Instance);
    private readonly Lock _gate = new();
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);
    private long _firstArrival;
    private long _lastApplied;

    /// <summary>Requests refused with 429.</summary>
    public int Throttled { get; private set; }

    /// <summary>Requests refused with 429 later than one second after the first arrival: in the paced part, not at the burst edge.</summary>
    public int ThrottledAfterFirstSecond { get; private set; }

    /// <summary>Writes applied more than once (a retry of a write that was applied).</summary>
    public int Duplicates { get; private set; }

    /// <summary>Distinct writes applied.</summary>
    public int Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied.Count;
            }
        }
    }

    /// <summary>From the first request's arrival to the last applied write's.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_firstArrival, _lastApplied);

    /// <summary>Counts a request on arrival: applies it if the bucket holds a token, else says when it would.</summary>
    public bool TryAccept(string id, out TimeSpan retryAfter)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_firstArrival == 0)
            {
                _firstArrival = now;
            }

            if (_bucket.TryTake(1, out var wait))
            {
                retryAfter = TimeSpan.Zero;
                _lastApplied = now;
                if (!_applied.Add(id))
                {
                    Duplicates++;
                }

                return true;
            }

            Throttled++;
            if (Stopwatch.GetElapsedTime(_firstArrival, now) > TimeSpan.FromSeconds(1))
            {
                ThrottledAfterFirstSecond++;
            }

            retryAfter = wait.ToTimeSpan();
            return false;
        }
    }
}
