using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows how many waits are pending on it (<c>Task.Delay</c>: pacing, back-off; and
/// a hanging server) as opposed to deadlines (a <see cref="CancellationTokenSource"/>'s timeout), and when the next of
/// its timers is due. A driver then moves time only while code waits for it, and straight to the next moment anything
/// happens: a request released at a moment is seen at that moment, never a driving step later.
/// </summary>
internal sealed class WaitingTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _armed = [];
    private int _waits;
    private TaskCompletionSource _changed = NewSource();

    /// <summary>Waits armed now: a <c>Task.Delay</c> not yet over, or a server hanging in <see cref="HangAsync"/>.</summary>
    public int PendingWaits
    {
        get
        {
            lock (_gate)
            {
                return _waits;
            }
        }
    }

    /// <summary>When the earliest armed timer (wait or deadline) is due; <see langword="null"/> when none is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count == 0 ? null : _armed.Min(t => t.DueAt);
            }
        }
    }

    /// <summary>Completes at the next change of <see cref="PendingWaits"/> or <see cref="NextDue"/> after it was read.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // A cancellation source's timer is a deadline: it fires if nothing else happens first, and code that runs
        // meanwhile does not wait for it.
        var timer = new TrackedTimer(this, callback, state, isWait: state is not CancellationTokenSource);
        timer.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// A server that never answers: a pending wait until <paramref name="cancellationToken"/> releases it. Like a
    /// timer's, the wait ends when it is released, not when the code after it runs: that may run on another thread.
    /// </summary>
    public async Task HangAsync(CancellationToken cancellationToken)
    {
        Update(static owner => owner._waits++);
        using var released = cancellationToken.UnsafeRegister(static state => ((WaitingTime)state!).Update(static owner => owner._waits--), this);

        // No timer: nothing but the cancellation ends it. No captured context: the cancellation flows back inline.
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Update(Action<WaitingTime> change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change(this);
            changed = _changed;
            _changed = NewSource();
        }

        changed.TrySetResult();
    }

    /// <summary>One timer, armed (in <see cref="_armed"/>, and counted if a wait) from its due time until it fires or is disposed.</summary>
    private sealed class TrackedTimer(WaitingTime owner, TimerCallback callback, object? state, bool isWait) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Read outside the gate: the fake takes its own lock, and fires timers (which take the gate) under none.
            var now = owner.GetUtcNow();
            owner.Update(_ =>
            {
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    Disarm();
                }
                else
                {
                    DueAt = now + dueTime;
                    Arm();
                }
            });
            return Inner.Change(dueTime, period);
        }

        public void Fire()
        {
            owner.Update(_ =>
            {
                if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
                {
                    DueAt += _period;
                }
                else
                {
                    Disarm();
                }
            });
            callback(state);
        }

        public void Dispose()
        {
            owner.Update(_ => Disarm());
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Arm()
        {
            if (owner._armed.Add(this) && isWait)
            {
                owner._waits++;
            }
        }

        private void Disarm()
        {
            if (owner._armed.Remove(this) && isWait)
            {
                owner._waits--;
            }
        }
    }
}
