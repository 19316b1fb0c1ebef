namespace Connect.Sdk.Http;

/// <summary>
/// The requests of one process waiting for an account's budget, first come first served, with the bookkeeping of the
/// one pump that lets them go: whether it runs, and how to wake it when the plan for the head changed. The in-process
/// and the shared budget differ only in where the bucket lives; both queue alike.
/// </summary>
/// <remarks>Everything but <see cref="Cancel"/> and <see cref="WakeUp"/> is called under <see cref="Gate"/>.</remarks>
internal sealed class BudgetQueue
{
    private readonly Queue<BudgetWaiter> _waiters = new();
    private bool _pumping;

    // Completed to wake the sleeping pump; replaced after each use. Completed, not a token cancelled: a task that a
    // token's cancellation ends runs its continuations on the thread pool, so the woken pump would plan on a thread of
    // its own, and fake time could move on under it; a completed one runs them here, as a timer's do.
    private TaskCompletionSource? _wake;

    public BudgetQueue() => OnCancel = Cancel;

    /// <summary>The lock over the queue, and over whatever bucket its owner keeps beside it.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Given to each waiter's <see cref="BudgetWaiter.Watch"/>: one delegate for all of them.</summary>
    public Action<BudgetWaiter, CancellationToken> OnCancel { get; }

    /// <summary>Whether no request waits.</summary>
    public bool IsEmpty => _waiters.Count == 0;

    /// <summary>Throws unless a request's cost fits the bucket.</summary>
    public static void ThrowIfCostOutside(double cost, double capacity)
    {
        if (cost <= 0 || cost > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"A request must cost more than 0 and at most the bucket's capacity of {capacity}.");
        }
    }

    /// <summary>Queues a request; <see langword="true"/> when no pump runs and the caller must start one.</summary>
    public bool Enqueue(BudgetWaiter waiter)
    {
        _waiters.Enqueue(waiter);
        return StartPump();
    }

    /// <summary>Marks the pump as running; <see langword="true"/> when it did not and the caller must start it.</summary>
    public bool StartPump()
    {
        var start = !_pumping;
        _pumping = true;
        return start;
    }

    /// <summary>The pump stops: the next queued request starts another.</summary>
    public void StopPump() => _pumping = false;

    /// <summary>The first request still waiting, after dropping cancelled ones; <see langword="null"/> when none waits.</summary>
    public BudgetWaiter? Head()
    {
        while (_waiters.TryPeek(out var head))
        {
            if (!head.Done)
            {
                return head;
            }

            _waiters.Dequeue();
        }

        return null;
    }

    /// <summary>Takes <see cref="Head"/> off the queue to let it go; <see langword="false"/> if it was cancelled meanwhile.</summary>
    public bool TakeHead(BudgetWaiter head)
    {
        if (head.Done)
        {
            return false;
        }

        head.Done = true;
        _waiters.Dequeue();
        return true;
    }

    /// <summary>Takes every waiting request off the queue, e.g. to fail them.</summary>
    public List<BudgetWaiter> TakeAll()
    {
        List<BudgetWaiter> all = [];
        while (_waiters.TryDequeue(out var waiter))
        {
            if (!waiter.Done)
            {
                waiter.Done = true;
                all.Add(waiter);
            }
        }

        return all;
    }

    /// <summary>
    /// Runs a pump without the execution context of the request that starts it: the pump outlives that request, and
    /// must neither keep its <see cref="System.Diagnostics.Activity"/>, log scopes or other async-local state alive nor
    /// hand them to the timers it sleeps on.
    /// </summary>
    /// <param name="pump">The pump.</param>
    public static void RunDetached(Func<Task> pump)
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = pump();
        }
    }

    /// <summary>How long the pump sleeps for a head due in <paramref name="ticks"/>.</summary>
    /// <remarks>
    /// Rounded up to whole milliseconds: timers count milliseconds and drop the rest, so a sleep of 59.8802 s would end
    /// 0.2 ms early, and the pump would sleep 0 ms again and again without time moving on. At most an hour: a timer
    /// takes no more than about 49 days, a server may report a rate so small that the head is due later still, and a
    /// pump that wakes early only plans again.
    /// </remarks>
    public static TimeSpan SleepFor(long ticks) =>
        TimeSpan.FromMilliseconds(Math.Min(Math.Ceiling((double)ticks / TimeSpan.TicksPerMillisecond), LongestSleep.TotalMilliseconds));

    /// <summary>The longest the pump sleeps before it plans again.</summary>
    public static TimeSpan LongestSleep { get; } = TimeSpan.FromHours(1);

    /// <summary>What the pump's next sleep ends on besides its time: completed once it is woken.</summary>
    public Task SleepSignal => (_wake ??= new TaskCompletionSource()).Task;

    /// <summary>The current wake-up, to complete with <see cref="WakeUp"/> outside the lock; the next sleep gets a fresh one.</summary>
    public TaskCompletionSource? TakeWake()
    {
        var wake = _wake;
        _wake = null;
        return wake;
    }

    /// <summary>Wakes the pump. Outside the lock: its continuation runs here and may let requests go.</summary>
    public static void WakeUp(TaskCompletionSource? wake) => wake?.TrySetResult();

    /// <summary>
    /// Sleeps for <paramref name="delay"/> on <paramref name="time"/>, or until <paramref name="wake"/> completes,
    /// whichever comes first; with <see cref="Timeout.InfiniteTimeSpan"/>, until woken, with no timer armed.
    /// </summary>
    /// <remarks>The pump goes on on the thread that ends the sleep: the timer's, or the waker's.</remarks>
    public static async Task SleepAsync(TimeSpan delay, TimeProvider time, Task wake)
    {
        if (wake.IsCompleted)
        {
            return;
        }

        if (delay == Timeout.InfiniteTimeSpan)
        {
            await wake.ConfigureAwait(false);
            return;
        }

        using var timer = new CancellationTokenSource();
        await Task.WhenAny(Task.Delay(delay, time, timer.Token), wake).ConfigureAwait(false);

        // A sleep cut short disarms its timer; nothing awaits the cancelled delay. Not CancelAsync: the pump goes on here.
        timer.Cancel();
    }

    private void Cancel(BudgetWaiter waiter, CancellationToken cancellationToken)
    {
        TaskCompletionSource? wake = null;
        lock (Gate)
        {
            if (waiter.Done)
            {
                return;
            }

            waiter.Done = true;

            // The pump plans for the head only; a cancelled head may have held back a cheaper request behind it.
            if (_waiters.TryPeek(out var head) && head == waiter)
            {
                wake = TakeWake();
            }
        }

        waiter.Cancel(cancellationToken);
        WakeUp(wake);
    }
}
