using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows how many waits (<c>Task.Delay</c>: pacing, back-off) are pending, as
/// opposed to deadlines (a <see cref="CancellationTokenSource"/>'s timeout), so a driver moves time only while
/// something waits for it rather than while code is busy between two waits.
/// </summary>
internal sealed class WaitCountingTime(DateTimeOffset start) : TimeProvider
{
    private int _pendingWaits;
    private int _released;

    public FakeTimeProvider Fake { get; } = new(start);

    public int PendingWaits => Volatile.Read(ref _pendingWaits);

    /// <summary>
    /// Waits that fired and whose work has not yet reached the wire or waited again: while there are any, moving time
    /// would let a request released earlier reach the fake after one released later.
    /// </summary>
    public int Released => Volatile.Read(ref _released);

    /// <summary>Marks one released piece of work as arrived: it reached the wire, or waits again.</summary>
    public void Landed()
    {
        int current;
        do
        {
            current = Volatile.Read(ref _released);
            if (current == 0)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _released, current - 1, current) != current);
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (state is CancellationTokenSource)
        {
            return Fake.CreateTimer(callback, state, dueTime, period);
        }

        var wait = new CountedWait(this, callback) { State = state };
        wait.Inner = Fake.CreateTimer(static s => ((CountedWait)s!).Fire(), wait, dueTime, period);
        return wait;
    }

    private sealed class CountedWait : ITimer
    {
        private readonly WaitCountingTime _owner;
        private readonly TimerCallback _callback;
        private int _done;

        public CountedWait(WaitCountingTime owner, TimerCallback callback)
        {
            _owner = owner;
            _callback = callback;
            Interlocked.Increment(ref owner._pendingWaits);
            owner.Landed();
        }

        public ITimer Inner { get; set; } = null!;

        // Task.Delay passes itself as the state it wants back.
        public object? State { get; init; }

        public void Fire()
        {
            Interlocked.Increment(ref _owner._released);
            End();
            _callback(State);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

        public void Dispose()
        {
            End();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void End()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref _owner._pendingWaits);
            }
        }
    }
}
