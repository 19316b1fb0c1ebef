using Connect.Sdk.RateLimits;
using NodaTime;

namespace Connect.Sdk.Http;

/// <summary>
/// An account's rate budget kept in an <see cref="IRateBudgetStore"/>, so that several processes calling as the
/// account share it. The arithmetic is <see cref="GcraBucket"/>'s, applied by compare-and-set with retry.
/// </summary>
/// <remarks>
/// Requests of this process queue first come, first served, as in <see cref="RateBudget"/>; one pump per account and
/// process reads the state, lets the head go once the bucket holds its cost and books it by compare-and-set. A request
/// goes only after its booking is written, so the processes together never spend more than the account has: a pump
/// that lost a race reads again and waits longer. The marketplace's reports (a 429, a rate, what is left) apply to this
/// process's queue at once and reach the store with the pump's next write. What another process learns reaches this
/// one when its pump next reads: at the latest when the head is due, so it is never sent early, at worst later than needed.
/// </remarks>
internal sealed class SharedRateBudget : IInFlightRateBudget
{
    private readonly BudgetQueue _queue = new();
    private readonly IRateBudgetStore _store;
    private readonly string _account;
    private readonly TimeProvider _time;
    private readonly double _capacity;

    // The marketplace's reports not yet written to the store, oldest first; under the queue's lock.
    private readonly List<Func<GcraBucket, GcraBucket>> _reports = [];

    // Units of this process's requests sent and not answered yet; under the queue's lock.
    private double _inFlight;

    // The bucket's full-again moment as the pump last read or wrote it; under the queue's lock. An answer that cannot
    // move it later is not sent to the store.
    private long _knownFullAt;

    public SharedRateBudget(string account, RateLimitModel model, IRateBudgetStore store, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _account = account;
        Model = model;
        _store = store;
        _time = time;
        _capacity = model.Capacity;
    }

    public RateLimitModel Model { get; }

    private long Now => GcraBucket.TicksOf(_time.GetUtcNow());

    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken) => Wait(cost, untilAnswered: false, cancellationToken);

    public ValueTask WaitToSendAsync(double cost, CancellationToken cancellationToken) => Wait(cost, untilAnswered: true, cancellationToken);

    public void Answered(double cost)
    {
        var now = Now;
        double inFlight;
        bool moves;
        lock (_queue.Gate)
        {
            inFlight = _inFlight;
            _inFlight = Math.Max(0, _inFlight - cost);
            moves = new GcraBucket(_knownFullAt, 0, Model.RefillPerSecond).Answered(now, inFlight).FullAt > _knownFullAt;
        }

        // Across the store the bucket is drained far beyond these units while it is paced; only an answer at the burst
        // edge moves it, and only that one costs a write. Otherwise the pump is woken only if its head waits for them.
        if (moves)
        {
            Report(bucket => bucket.Answered(now, inFlight));
            return;
        }

        CancellationTokenSource? wake;
        lock (_queue.Gate)
        {
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

        // No fast path: whether the bucket holds the cost is the store's to say.
        var waiter = new BudgetWaiter(cost, Now, untilAnswered);
        bool startPump;
        lock (_queue.Gate)
        {
            startPump = _queue.Enqueue(waiter);
        }

        waiter.Watch(_queue.OnCancel, cancellationToken);
        if (startPump)
        {
            BudgetQueue.RunDetached(PumpAsync);
        }

        return new ValueTask(waiter.Task);
    }

    public void ReportThrottled(TimeSpan? retryAfter)
    {
        var now = Now;
        Report(bucket => bucket.Throttled(now, retryAfter, RateBudget.MaxPause, _capacity));
    }

    public void ReportAvailable(double available)
    {
        var now = Now;
        Report(bucket => bucket.Available(now, available, _capacity));
    }

    public void ReportRate(double perSecond)
    {
        var now = Now;
        Report(bucket => bucket.WithRate(now, perSecond));
    }

    private void Report(Func<GcraBucket, GcraBucket> change)
    {
        CancellationTokenSource? wake;
        bool startPump;
        lock (_queue.Gate)
        {
            _reports.Add(change);
            wake = _queue.TakeWake();

            // A report with nobody waiting still goes to the store, for the other processes.
            startPump = _queue.StartPump();
        }

        BudgetQueue.WakeUp(wake);
        if (startPump)
        {
            BudgetQueue.RunDetached(PumpAsync);
        }
    }

    private async Task PumpAsync()
    {
        // The state as this pump last wrote it; null after a sleep or a lost race, when another process may have moved on.
        RateBudgetState? written = null;
        while (true)
        {
            BudgetWaiter? head;
            Func<GcraBucket, GcraBucket>[] reports;
            CancellationToken wake;
            double inFlight;
            lock (_queue.Gate)
            {
                // Only this pump adds to it, and answers only lower it: what the head is planned with is never too little.
                inFlight = _inFlight;
                head = _queue.Head();
                if (head is null && _reports.Count == 0)
                {
                    _queue.StopPump();
                    return;
                }

                reports = [.. _reports];
                wake = _queue.SleepToken;
            }

            long sendAt;
            long now;
            try
            {
                var known = written ?? await _store.GetAsync(_account, CancellationToken.None).ConfigureAwait(false);
                now = Now;
                var before = known is null ? GcraBucket.Full(Model) : BucketOf(known);
                var bucket = reports.Aggregate(before, static (state, change) => change(state));
                sendAt = head is null || !GcraBucket.FitsBeside(head.Cost, inFlight, _capacity)
                    ? long.MaxValue
                    : bucket.SendAt(head.Cost, _capacity, head.Arrival);
                var sends = sendAt <= now;
                if (sends)
                {
                    bucket = bucket.Send(head!.Cost, now, inFlight);
                }

                written = null;
                if (bucket != before)
                {
                    var replacement = StateOf(bucket, (known?.Version ?? 0) + 1);
                    if (!await _store.TryReplaceAsync(_account, known, replacement, CancellationToken.None).ConfigureAwait(false))
                    {
                        continue;
                    }

                    written = replacement;
                }

                Known(bucket.FullAt);

                if (Settle(reports.Length, sends ? head : null))
                {
                    head!.Release();
                }

                if (sends || head is null)
                {
                    continue;
                }
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // The store failed (a locked or lost file): the queued requests fail with it rather than wait for ever;
                // the next request starts a new pump.
                FailAll(failure);
                return;
            }

            try
            {
                await Task.Delay(BudgetQueue.SleepFor(sendAt - now), _time, wake).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Woken: a report or a cancelled head; plan again.
            }
        }
    }

    // Drops the reports now in the store and takes the booked head off the queue. False when the head was cancelled
    // while its booking was written: its units are spent for nothing, which errs on the safe side.
    private bool Settle(int reportsWritten, BudgetWaiter? booked)
    {
        lock (_queue.Gate)
        {
            _reports.RemoveRange(0, reportsWritten);
            if (booked is null || !_queue.TakeHead(booked))
            {
                return false;
            }

            if (booked.UntilAnswered)
            {
                _inFlight += booked.Cost;
            }

            return true;
        }
    }

    private void Known(long fullAt)
    {
        lock (_queue.Gate)
        {
            _knownFullAt = fullAt;
        }
    }

    private void FailAll(Exception failure)
    {
        List<BudgetWaiter> failed;
        lock (_queue.Gate)
        {
            failed = _queue.TakeAll();
            _reports.Clear();
            _queue.StopPump();
        }

        failed.ForEach(waiter => waiter.Fail(failure));
    }

    private static GcraBucket BucketOf(RateBudgetState state) =>
        new(state.FullAt.ToUnixTimeTicks(), state.PausedUntil.ToUnixTimeTicks(), 1 / state.RefillPerUnit.TotalSeconds);

    private static RateBudgetState StateOf(GcraBucket bucket, long version) =>
        new(Instant.FromUnixTimeTicks(bucket.FullAt), Instant.FromUnixTimeTicks(bucket.PausedUntil), Duration.FromNanoseconds(Math.Round(1e9 / bucket.RatePerSecond)), version);
}
