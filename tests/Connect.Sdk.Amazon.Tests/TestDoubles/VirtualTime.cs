namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// Fake time in which every wait is over at once: a <c>Task.Delay</c> (pacing, a retry's back-off) moves the time to
/// its end and completes, so tests take no real time and the clock shows how long the connector would have waited.
/// Deadlines (a <see cref="CancellationTokenSource"/> with a timeout: the HTTP foundation's attempt and total timeouts)
/// do not move time; they fire only when waits have moved it past them, as they would in real time.
/// </summary>
/// <remarks>
/// Suits code whose waits follow one another (one request after the other). Waits that run side by side would all end
/// at once at the latest of them; tests of concurrent pacing drive a <c>FakeTimeProvider</c> instead.
/// </remarks>
internal sealed class VirtualTime(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(VirtualTimer Timer, DateTimeOffset DueAt)> _deadlines = [];
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = start;

    /// <summary>Every wait asked for, oldest first.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return _waits.ToArray();
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves time forward, firing the deadlines it passes.</summary>
    public void Advance(TimeSpan by)
    {
        List<VirtualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = TakeDueDeadlines();
        }

        due.ForEach(Fire);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state, isDeadline: state is CancellationTokenSource);
        timer.Change(dueTime, period);
        return timer;
    }

    private static void Fire(VirtualTimer timer) => ThreadPool.QueueUserWorkItem(static t => t.Run(), timer, preferLocal: false);

    private void Schedule(VirtualTimer timer, TimeSpan dueTime)
    {
        var fire = new List<VirtualTimer>();
        lock (_gate)
        {
            _deadlines.RemoveAll(d => ReferenceEquals(d.Timer, timer));
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            var dueAt = _now + dueTime;
            if (timer.IsDeadline)
            {
                if (dueAt <= _now)
                {
                    fire.Add(timer);
                }
                else
                {
                    _deadlines.Add((timer, dueAt));
                }
            }
            else
            {
                // A wait: time moves to its end at once.
                _waits.Add(dueTime);
                if (dueAt > _now)
                {
                    _now = dueAt;
                }

                fire.AddRange(TakeDueDeadlines());
                fire.Add(timer);
            }
        }

        fire.ForEach(Fire);
    }

    private void Cancel(VirtualTimer timer)
    {
        lock (_gate)
        {
            _deadlines.RemoveAll(d => ReferenceEquals(d.Timer, timer));
        }
    }

    private List<VirtualTimer> TakeDueDeadlines()
    {
        var due = _deadlines.Where(d => d.DueAt <= _now).Select(d => d.Timer).ToList();
        _deadlines.RemoveAll(d => d.DueAt <= _now);
        return due;
    }

    private sealed class VirtualTimer(VirtualTime owner, TimerCallback callback, object? state, bool isDeadline) : ITimer
    {
        private int _disposed;

        public bool IsDeadline { get; } = isDeadline;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                return false;
            }

            // Periods are not needed by the code under test: a timer fires once per Change.
            owner.Schedule(this, dueTime);
            return true;
        }

        public void Run()
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _disposed, 1);
            owner.Cancel(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
