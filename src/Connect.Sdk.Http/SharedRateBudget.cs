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
/// The units in flight are kept in the store, every process's together: a booking adds them, an answer is a report that
/// takes them away again.
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

    // Whether the head waits for units in flight to be answered rather than for time; under the queue's lock.
    private bool _headWaitsForAnswers;

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

    /// <summary>
    /// The longest a request stays in flight: longer than any attempt's timeout. Units left in flight by a process that
    /// stopped between a send and its answer are forgotten once the account has been quiet this long.
    /// </summary>
    internal static TimeSpan LongestFlight { get; } = TimeSpan.FromMinutes(10);

    // How soon a head that waits for other processes' answers reads the store again.
    private static readonly TimeSpan AnswersPoll = TimeSpan.FromMilliseconds(10);

    public RateLimitModel Model { get; }

    private long Now => GcraBucket.TicksOf(_time.GetUtcNow());

    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken) => Wait(cost, untilAnswered: false, cancellationToken);

    public ValueTask WaitToSendAsync(double cost, CancellationToken cancellationToken) => Wait(cost, untilAnswered: true, cancellationToken);

    public void Answered(double cost)
    {
        // The store counts every process's units in flight, so the answer goes there; it wakes the pump only when the
        // head waits for answers, and otherwise rides along with the next booking.
        var now = Now;
        Report(bucket => bucket.Answered(cost, now), wakeIf: static budget => budget._headWaitsForAnswers);
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
        Report(bucket => bucket.Throttled(now, retryAfter, RateBudget.MaxPause, _capacity), wakeIf: null);
    }

    public void ReportAvailable(double available)
    {
        var now = Now;
        Report(bucket => bucket.Available(now, available, _capacity), wakeIf: null);
    }

    public void ReportRate(double perSecond)
    {
        var now = Now;
        Report(bucket => bucket.WithRate(now, perSecond), wakeIf: null);
    }

    // Queues a report for the store. It wakes a sleeping pump to plan again, unless wakeIf says the plan cannot change.
    private void Report(Func<GcraBucket, GcraBucket> change, Func<SharedRateBudget, bool>? wakeIf)
    {
        CancellationTokenSource? wake;
        bool startPump;
        lock (_queue.Gate)
        {
            _reports.Add(change);
            wake = wakeIf is null || wakeIf(this) ? _queue.TakeWake() : null;

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
            lock (_queue.Gate)
            {
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
                var before = known is null ? GcraBucket.Full(Model) : BucketOf(known).WithoutStaleFlights(now, LongestFlight);
                var bucket = reports.Aggregate(before, static (state, change) => change(state));
                sendAt = head is null ? long.MaxValue : bucket.SendAt(head.Cost, _capacity, head.Arrival);
                var sends = sendAt <= now;
                if (sends)
                {
                    bucket = head!.UntilAnswered ? bucket.Send(head.Cost, now) : bucket.Take(head.Cost, now);
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

                if (Settle(reports.Length, sends ? head : null, now))
                {
                    head!.Release();
                }

                if (sends || head is null)
                {
                    continue;
                }

                // Units in flight leave room only with their answers; this process's wake the pump, the others' are
                // seen by reading again soon.
                if (sendAt == long.MaxValue)
                {
                    WaitForAnswers();
                    sendAt = now + AnswersPoll.Ticks;
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
    // A head booked in flight and cancelled meanwhile is never sent: it is answered at once, so that its units do not
    // stay in flight in the store.
    private bool Settle(int reportsWritten, BudgetWaiter? booked, long now)
    {
        lock (_queue.Gate)
        {
            _reports.RemoveRange(0, reportsWritten);
            _headWaitsForAnswers = false;
            if (booked is null || _queue.TakeHead(booked))
            {
                return booked is not null;
            }

            if (booked.UntilAnswered)
            {
                _reports.Add(bucket => bucket.Answered(booked.Cost, now));
            }

            return false;
        }
    }

    private void WaitForAnswers()
    {
        lock (_queue.Gate)
        {
            _headWaitsForAnswers = true;
        }
    }

    private void FailAll(Exception failure)
    {
        List<BudgetWaiter> failed;
        lock (_queue.Gate)
        {
            failed = _queue.TakeAll();

            // The reports stay: an answer not written would leave its units in flight in the store for good, shrinking
            // every process's burst. The next request's pump writes them before its own booking.
            _queue.StopPump();
        }

        failed.ForEach(waiter => waiter.Fail(failure));
    }

    // Units in flight are kept as the time they take to refill, in whole nanoseconds; rounded back to a millionth of a
    // unit, so that 40 units in flight of a 40-unit bucket do not come back as a hair more than its capacity.
    private static GcraBucket BucketOf(RateBudgetState state) =>
        new(
            state.FullAt.ToUnixTimeTicks(),
            state.PausedUntil.ToUnixTimeTicks(),
            1 / state.RefillPerUnit.TotalSeconds,
            Math.Round(state.InFlightRefill.TotalNanoseconds / state.RefillPerUnit.TotalNanoseconds, 6));

    private static RateBudgetState StateOf(GcraBucket bucket, long version) =>
        new(Instant.FromUnixTimeTicks(bucket.FullAt), Instant.FromUnixTimeTicks(bucket.PausedUntil), Duration.FromNanoseconds(Math.Round(1e9 / bucket.RatePerSecond)), version)
        {
            InFlightRefill = Duration.FromNanoseconds(Math.Round(bucket.InFlight * 1e9 / bucket.RatePerSecond)),
        };
}
