namespace Connect.Sdk.Http;

/// <summary>
/// The deadline of one logical request across all its attempts. Waits the server asked for (<c>Retry-After</c>)
/// extend it, so the budget counts the client's own work and back-off, never the pause the marketplace demanded.
/// </summary>
internal sealed class TotalTimeout : IDisposable
{
    internal static readonly HttpRequestOptionsKey<TotalTimeout> Key = new("Connect.Sdk.Http.TotalTimeout");

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _source;
    private DateTimeOffset _deadline;

    public TotalTimeout(TimeSpan limit, TimeProvider time)
    {
        _time = time;
        Limit = limit;
        _deadline = time.GetUtcNow() + limit;

        // A source made with a TimeProvider also runs CancelAfter on it, so fake time drives the deadline.
        _source = new CancellationTokenSource(limit, time);
    }

    public TimeSpan Limit { get; }

    public TimeSpan Extension { get; private set; }

    public CancellationToken Token => _source.Token;

    public bool HasExpired => _source.IsCancellationRequested;

    /// <summary>Moves the deadline later by a wait the server asked for.</summary>
    public void Extend(TimeSpan serverRequestedWait)
    {
        lock (_gate)
        {
            if (_source.IsCancellationRequested)
            {
                return;
            }

            Extension += serverRequestedWait;
            _deadline += serverRequestedWait;
            _source.CancelAfter(_deadline - _time.GetUtcNow());
        }
    }

    /// <summary>
    /// Stops the clock while the request waits for its account's rate budget: that wait is the marketplace's limit,
    /// like a <c>Retry-After</c>, not the client's own work. <see cref="Resume"/> moves the deadline out by the pause.
    /// </summary>
    /// <returns>When the pause began.</returns>
    public long Pause()
    {
        lock (_gate)
        {
            if (!_source.IsCancellationRequested)
            {
                _source.CancelAfter(Timeout.InfiniteTimeSpan);
            }

            return _time.GetTimestamp();
        }
    }

    /// <summary>Restarts the clock after <see cref="Pause"/>, with the deadline moved out by the pause.</summary>
    /// <param name="pausedAt">What <see cref="Pause"/> returned.</param>
    public void Resume(long pausedAt)
    {
        lock (_gate)
        {
            if (_source.IsCancellationRequested)
            {
                return;
            }

            var paused = _time.GetElapsedTime(pausedAt);
            Extension += paused;
            _deadline += paused;
            _source.CancelAfter(_deadline - _time.GetUtcNow());
        }
    }

    public void Dispose() => _source.Dispose();
}
