namespace Basar.Connector.Tests;

/// <summary>
/// A <see cref="TimeProvider"/> whose timers fire at once and that records every wait asked of it: the connector's
/// retry waits (Retry-After, backoff) cost no real time in tests, and a test can still assert how long it would wait.
/// </summary>
internal sealed class NoWaitTimeProvider : TimeProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _waits = new();

    /// <summary>Every one-shot wait asked for, oldest first.</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waits.Enqueue(dueTime);
        var timer = new FiredTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            // Fired on the thread pool, after CreateTimer has returned, as a real timer would.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return timer;
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
