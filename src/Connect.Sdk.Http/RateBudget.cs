namespace Connect.Sdk.Http;

/// <summary>
/// A token bucket driven by a <see cref="TimeProvider"/>, for the accounts of one process. System.Threading.RateLimiting's
/// <c>TokenBucketRateLimiter</c> refills on its own real-time timer and takes no TimeProvider, so it could neither be
/// tested on fake time nor be re-based from what the server reports; this one is small enough to own.
/// </summary>
/// <remarks>
/// The arithmetic is <see cref="GcraBucket"/>'s. A request that finds no queue and enough units goes at once, without
/// allocating; any other waits in a first come, first served <see cref="BudgetQueue"/>, and one pump lets the head go
/// the moment the bucket holds its cost, so a run of requests takes the theoretical minimum time. Queued requests hold
/// no units: when the server re-bases the bucket (a 429, a new rate, a report of what is left) the pump is woken and
/// plans the head again on the new state at once, sooner if the rate went up, later if it went down, and nobody is
/// counted twice. A request let go through <see cref="WaitToSendAsync"/> stays in flight until <see cref="Answered"/>:
/// the pump lets the head go only if it fits beside the units in flight, and an answer wakes it (docs/http.md, "The
/// burst edge").
/// </remarks>
internal sealed class RateBudget : IInFlightRateBudget
{
    private readonly BudgetQueue _queue = new();
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private GcraBucket _bucket;

    public RateBudget(RateLimitModel model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        Model = model;
        _time = time;
        _capacity = model.Capacity;
        _bucket = GcraBucket.Full(model);
    }

    /// <summary>The longest a 429 pauses the account.</summary>
    internal static TimeSpan MaxPause { get; } = TimeSpan.FromMinutes(5);

    public RateLimitModel Model { get; }

    private long Now => GcraBucket.TicksOf(_time.GetUtcNow());

    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken) => Wait(cost, untilAnswered: false, cancellationToken);

    // The units in flight of one process end with it: no lease to keep, so the attempt's timeout is not needed.
    public ValueTask WaitToSendAsync(double cost, TimeSpan attemptTimeout, CancellationToken cancellationToken) => Wait(cost, untilAnswered: true, cancellationToken);

    public void Answered(double cost)
    {
        TaskCompletionSource? wake;
        lock (_queue.Gate)
        {
            _bucket = _bucket.Answered(cost, Now);

            // The head may have waited for these units to land rather than for time.
            wake = _queue.IsEmpty ? null : _queue.TakeWake();
        }

        BudgetQueue.WakeUp(wake);
    }

    private ValueTask Wait(double cost, bool untilAnswered, CancellationToken cancellationToken)
    {
        BudgetQueue.ThrowIfCostOutside(cost, _capacity);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        BudgetWaiter waiter;
        bool startPump;
        lock (_queue.Gate)
        {
            var now = Now;
            if (_queue.IsEmpty && _bucket.SendAt(cost, _capacity, now) <= now)
            {
                Let(cost, untilAnswered, now);
                return ValueTask.CompletedTask;
            }

            waiter = new BudgetWaiter(cost, now, untilAnswered);
            startPump = _queue.Enqueue(waiter);
        }

        waiter.Watch(_queue.OnCancel, cancellationToken);
        if (startPump)
        {
            BudgetQueue.RunDetached(PumpAsync);
        }

        return new ValueTask(waiter.Task);
    }

    public void ReportThrottled(TimeSpan? retryAfter) =>
        // Capped like the retry's own wait (MarketplaceResilienceOptions.MaxRetryAfter): a server asking for hours must
        // not hold every connection of the account that long; the retry hands such an answer back to the caller.
        Rebase(static (bucket, now, state) => bucket.Throttled(now, state.RetryAfter, MaxPause, state.Capacity), (RetryAfter: retryAfter, Capacity: _capacity));

    public void ReportAvailable(double available) =>
        Rebase(static (bucket, now, state) => bucket.Available(now, state.Available, state.Capacity), (Available: available, Capacity: _capacity));

    public void ReportRate(double perSecond) =>
        Rebase(static (bucket, now, perSecond) => bucket.WithRate(now, perSecond), perSecond);

    private void Rebase<TState>(Func<GcraBucket, long, TState, GcraBucket> change, TState state)
    {
        TaskCompletionSource? wake;
        lock (_queue.Gate)
        {
            var rebased = change(_bucket, Now, state);

            // Amazon repeats its rate and Shopify what is left on every answer; a report that changes nothing must not
            // wake the pump (and allocate a new wake-up) for every request.
            if (rebased == _bucket)
            {
                return;
            }

            _bucket = rebased;
            wake = _queue.TakeWake();
        }

        BudgetQueue.WakeUp(wake);
    }

    // Under the lock: books a request let go now; one waited for until answered stays in flight.
    private void Let(double cost, bool untilAnswered, long now)
    {
        _bucket = untilAnswered ? _bucket.Send(cost, now) : _bucket.Take(cost, now);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            BudgetWaiter? due = null;
            TimeSpan sleep = default;
            Task wake = Task.CompletedTask;
            lock (_queue.Gate)
            {
                var now = Now;
                if (_queue.Head() is not { } head)
                {
                    _queue.StopPump();
                    return;
                }

                // Units in flight come back with their answers, not with time: until then the pump sleeps until woken.
                var sendAt = _bucket.SendAt(head.Cost, _capacity, head.Arrival);
                if (sendAt <= now)
                {
                    // Booked when it goes, not when it was due: a bucket that filled up meanwhile holds no more than its
                    // capacity. While the queue is backed up, the bucket's full-again moment lies ahead of both, so the
                    // pump's own lateness does not add up over a long run.
                    Let(head.Cost, head.UntilAnswered, now);
                    _queue.TakeHead(head);
                    due = head;
                }
                else
                {
                    // Waiting for answers alone arms no timer: only an answer can let the head go, and a timer would tell
                    // fake time the process waits for time, so a test's drive could move it on while an answer is still
                    // on its way up the client's handlers, and book that answer hours late.
                    sleep = sendAt == long.MaxValue ? Timeout.InfiniteTimeSpan : BudgetQueue.SleepFor(sendAt - now);
                    wake = _queue.SleepSignal;
                }
            }

            if (due is not null)
            {
                due.Release();
                continue;
            }

            // Woken early when the bucket was re-based or the head cancelled; plan again either way.
            await BudgetQueue.SleepAsync(sleep, _time, wake).ConfigureAwait(false);
        }
    }
}
