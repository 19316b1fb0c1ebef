using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// Makes the scheduler's loop wait until a moment or until a run ends, whichever comes first. A run that ends while
/// the loop is busy is remembered until the next wait, so it is never missed. Waits use the registered
/// <see cref="TimeProvider"/>, so tests move time instead of sleeping, and the pacer tells tests when the loop is
/// idle (waiting with nothing pending) and until when.
/// </summary>
internal sealed class LoopPacer(TimeProvider time, IClock clock)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = NewSource();
    private TaskCompletionSource? _wake;
    private bool _wakeOnRunEnd;
    private bool _runEnded;
    private Instant? _until;

    /// <summary>Completes while the loop waits with nothing pending; replaced as soon as something wakes it.</summary>
    internal Task WhenIdle
    {
        get
        {
            lock (_gate)
            {
                return _idle.Task;
            }
        }
    }

    /// <summary>Until when the loop waits, if it is waiting.</summary>
    internal Instant? WaitingUntil
    {
        get
        {
            lock (_gate)
            {
                return _until;
            }
        }
    }

    /// <summary>Forgets the runs that ended so far: the pass that begins now sees their effect.</summary>
    public void BeginPass()
    {
        lock (_gate)
        {
            _runEnded = false;
        }
    }

    /// <summary>Wakes a loop that waits for runs to end, or makes its next such wait return at once.</summary>
    public void RunEnded()
    {
        lock (_gate)
        {
            _runEnded = true;
            if (_wake is { } wake && _wakeOnRunEnd)
            {
                WakeLocked(wake);
            }
        }
    }

    /// <summary>Waits until <paramref name="until"/>, a run's end (when <paramref name="wakeOnRunEnd"/>), or cancellation.</summary>
    public async Task WaitAsync(Instant until, bool wakeOnRunEnd, CancellationToken cancellationToken)
    {
        var delay = until - clock.GetCurrentInstant();
        TaskCompletionSource wake;
        lock (_gate)
        {
            if (delay <= Duration.Zero || cancellationToken.IsCancellationRequested || (wakeOnRunEnd && _runEnded))
            {
                return;
            }

            wake = _wake = NewSource();
            _wakeOnRunEnd = wakeOnRunEnd;
            _until = until;
        }

        // Rounded up to whole ticks: a timer rounded down would fire just before the moment and the loop would spin.
        var dueTime = TimeSpan.FromTicks((long)Math.Ceiling(delay.TotalTicks));
        using var timer = time.CreateTimer(_ => Wake(wake), null, dueTime, Timeout.InfiniteTimeSpan);
        using var cancelled = cancellationToken.Register(() => Wake(wake));

        // Idle only once the timer exists: whoever moves time on seeing the loop idle must find the timer to fire.
        lock (_gate)
        {
            if (ReferenceEquals(_wake, wake))
            {
                _idle.TrySetResult();
            }
        }

        await wake.Task.ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Wake(TaskCompletionSource wake)
    {
        lock (_gate)
        {
            WakeLocked(wake);
        }
    }

    private void WakeLocked(TaskCompletionSource wake)
    {
        if (ReferenceEquals(_wake, wake))
        {
            _wake = null;
            _until = null;
            if (_idle.Task.IsCompleted)
            {
                _idle = NewSource();
            }
        }

        wake.TrySetResult();
    }
}
