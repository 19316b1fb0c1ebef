using System.Collections.Concurrent;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>
/// A <see cref="TimeProvider"/> on which the HTTP foundation's retry waits (a <c>Retry-After</c> of a second, back-off of
/// a few seconds) pass at once and are recorded, while the attempt and total timeouts (30 s, 2 min) stay on real time,
/// so they never fire during a test: the fault tests cost no real waiting and no request is cut short.
/// </summary>
internal sealed class ShortWaitTimeProvider : TimeProvider
{
    /// <summary>Waits up to this long are retry waits and pass at once.</summary>
    public static readonly TimeSpan LongestSkipped = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<TimeSpan> _skipped = new();

    /// <summary>Every wait that passed at once, oldest first.</summary>
    public IReadOnlyList<TimeSpan> Skipped => _skipped.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > LongestSkipped || period != Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        _skipped.Enqueue(dueTime);

        // Fired on the thread pool, after CreateTimer has returned, as a real timer would.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
