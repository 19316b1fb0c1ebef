namespace Connect.Sdk.Http;

/// <summary>
/// A token bucket driven by a <see cref="TimeProvider"/>, for the accounts of one process. System.Threading.RateLimiting's
/// <c>TokenBucketRateLimiter</c> refills on its own real-time timer and takes no TimeProvider, so it could neither be
/// tested on fake time nor be re-based from what the server reports; this one is small enough to own.
/// </summary>
/// <remarks>
/// The arithmetic is <see cref="GcraBucket"/>'s. A request that finds no queue and enough units goes at once, without
/// allocating; any other waits in a first come, first served queue, and one pump lets the head go the moment the
/// bucket holds its cost, so a run of requests takes the theoretical minimum time. Queued requests hold no units: when
/// the server re-bases the bucket (a 429, a new rate, a report of what is left) the pump is woken and plans the head
/// again on the new state at once, sooner if the rate went up, later if it went down, and nobody is counted twice.
/// </remarks>
internal sealed class RateBudget : IRateBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly Queue<BudgetWaiter> _queue = new();
    private readonly Action<BudgetWaiter, CancellationToken> _onCancel;
    private GcraBucket _bucket;

    // Whether a pump runs; it stops when the queue is empty, and the next queued request starts one.
    private bool _pumping;

    // Cancelled to wake the sleeping pump when the plan for the head changed; replaced after each use.
    private CancellationTokenSource? _wake;

    public RateBudget(RateLimitModel model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        Model = model;
        _time = time;
        _capacity = model.Capacity;
        _bucket = GcraBucket.Full(model);
        _onCancel = Cancel;
    }

    /// <summary>The longest a 429 pauses the account.</summary>
    internal static TimeSpan MaxPause { get; } = TimeSpan.FromMinutes(5);

    public RateLimitModel Model { get; }

    private long Now => GcraBucket.TicksOf(_time.GetUtcNow());

    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken)
    {
        if (cost <= 0 || cost > _capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"A request must cost more than 0 and at most the bucket's capacity of {_capacity}.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        BudgetWaiter waiter;
        bool startPump;
        lock (_gate)
        {
            var now = Now;
            if (_queue.Count == 0)
            {
                var sendAt = _bucket.SendAt(cost, _capacity, now);
                if (sendAt <= now)
                {
                    _bucket = _bucket.Take(cost, now);
                    return ValueTask.CompletedTask;
                }
            }

            waiter = new BudgetWaiter(cost, now);
            _queue.Enqueue(waiter);
            startPump = !_pumping;
            _pumping = true;
        }

        waiter.Watch(_onCancel, cancellationToken);
        if (startPump)
        {
            _ = PumpAsync();
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
        CancellationTokenSource? wake;
        lock (_gate)
        {
            var rebased = change(_bucket, Now, state);

            // Amazon repeats its rate and Shopify what is left on every answer; a report that changes nothing must not
            // wake the pump (and allocate a new wake-up) for every request.
            if (rebased == _bucket)
            {
                return;
            }

            _bucket = rebased;
            wake = TakeWake();
        }

        WakeUp(wake);
    }

    private void Cancel(BudgetWaiter waiter, CancellationToken cancellationToken)
    {
        CancellationTokenSource? wake = null;
        lock (_gate)
        {
            if (waiter.Done)
            {
                return;
            }

            waiter.Done = true;

            // The pump plans for the head only; a cancelled head may have held back a cheaper request behind it.
            if (_queue.TryPeek(out var head) && head == waiter)
            {
                wake = TakeWake();
            }
        }

        waiter.Cancel(cancellationToken);
        WakeUp(wake);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            BudgetWaiter? due = null;
            TimeSpan sleep = default;
            CancellationToken wake = default;
            lock (_gate)
            {
                var now = Now;
                while (due is null && _queue.TryPeek(out var head))
                {
                    if (head.Done)
                    {
                        _queue.Dequeue();
                        continue;
                    }

                    var sendAt = _bucket.SendAt(head.Cost, _capacity, head.Arrival);
                    if (sendAt > now)
                    {
                        // Timers count whole milliseconds and drop the rest: a sleep of 59.8802 s would end 0.2 ms early,
                        // and the pump would sleep 0 ms again and again without time moving on.
                        sleep = TimeSpan.FromMilliseconds(Math.Ceiling((double)(sendAt - now) / TimeSpan.TicksPerMillisecond));
                        _wake ??= new CancellationTokenSource();
                        wake = _wake.Token;
                        break;
                    }

                    // Booked when it goes, not when it was due: a bucket that filled up meanwhile holds no more than its
                    // capacity. While the queue is backed up, the bucket's full-again moment lies ahead of both, so the
                    // pump's own lateness does not add up over a long run.
                    _bucket = _bucket.Take(head.Cost, now);
                    head.Done = true;
                    _queue.Dequeue();
                    due = head;
                }

                if (due is null && _queue.Count == 0)
                {
                    _pumping = false;
                    return;
                }
            }

            if (due is not null)
            {
                due.Release();
                continue;
            }

            try
            {
                await Task.Delay(sleep, _time, wake).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Woken: the bucket was re-based or the head cancelled; plan again.
            }
        }
    }

    // Under the lock: the current wake-up, replaced by none so the pump's next sleep gets a fresh one.
    private CancellationTokenSource? TakeWake()
    {
        var wake = _wake;
        _wake = null;
        return wake;
    }

    private static void WakeUp(CancellationTokenSource? wake)
    {
        if (wake is null)
        {
            return;
        }

        // Outside the lock: the pump's continuation may run here and release requests. Not disposed: the pump may be
        // about to pass its token to a delay, which must find it cancelled rather than disposed.
        wake.Cancel();
    }
}
