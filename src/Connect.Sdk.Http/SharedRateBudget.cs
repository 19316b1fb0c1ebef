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
/// The units in flight are kept in the store, each process's under its own owner id with a lease that each of its writes
/// renews (<see cref="AccountFlights"/>): a booking adds them, an answer is a report that takes them away again, and the
/// units of a process that stopped between a send and its answer come back once its lease has run out, however busy the
/// other processes keep the account. The lease outlasts the longest attempt the process has sent, so no answer of a live
/// process is still on its way when it ends.
/// </remarks>
internal sealed class SharedRateBudget : IInFlightRateBudget
{
    private readonly BudgetQueue _queue = new();
    private readonly IRateBudgetStore _store;
    private readonly string _account;
    private readonly TimeProvider _time;
    private readonly double _capacity;

    // This process's id for the account in the store's flights, and whether the store keeps them at all.
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly bool _flightsKept;

    // This process's units in flight as last written: what it booked and has not seen answered. Only the pump touches it.
    private double _mine;

    // The longest attempt timeout of a request this process let go, in ticks; under the queue's lock.
    private long _longestAttempt;

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
        _flightsKept = store.KeepsFlights;
    }

    /// <summary>
    /// How long units in flight of no process (kept by a store without flights, or written before flights were kept) stay
    /// counted once the account is quiet: longer than any attempt's timeout.
    /// </summary>
    internal static TimeSpan LongestFlight { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// What a process's lease adds to its longest attempt: the answer's own write to the store (a SQLite writer may wait
    /// its 30-second busy timeout), the moment the attempt's timeout takes to end it, and clocks of two machines apart by
    /// some seconds. A process's flight lasts until its last write plus its longest attempt and this.
    /// </summary>
    internal static TimeSpan FlightLeaseMargin { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a booking's write may take before the lease is written again from its end: half the margin, so that the
    /// other half still covers the clocks of the machines and the moment an attempt's timeout takes to end it.
    /// </summary>
    internal static TimeSpan LeaseRenewedAfter { get; } = FlightLeaseMargin / 2;

    // How soon a head that waits for other processes' answers reads the store again.
    private static readonly TimeSpan AnswersPoll = TimeSpan.FromMilliseconds(10);

    public RateLimitModel Model { get; }

    private long Now => GcraBucket.TicksOf(_time.GetUtcNow());

    public ValueTask WaitAsync(double cost, CancellationToken cancellationToken) => Wait(cost, untilAnswered: false, cancellationToken);

    public ValueTask WaitToSendAsync(double cost, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(attemptTimeout, TimeSpan.Zero);
        lock (_queue.Gate)
        {
            _longestAttempt = Math.Max(_longestAttempt, attemptTimeout.Ticks);
        }

        return Wait(cost, untilAnswered: true, cancellationToken);
    }

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
        TaskCompletionSource? wake;
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
            Task wake;
            long lease;
            lock (_queue.Gate)
            {
                head = _queue.Head();
                if (head is null && _reports.Count == 0)
                {
                    _queue.StopPump();
                    return;
                }

                reports = [.. _reports];
                wake = _queue.SleepSignal;
                lease = _longestAttempt + FlightLeaseMargin.Ticks;
            }

            long sendAt;
            long now;
            try
            {
                var known = written ?? await _store.GetAsync(_account, CancellationToken.None).ConfigureAwait(false);
                now = Now;
                var flights = AccountFlights.Read(known, _owner, _mine, _flightsKept, now, LongestFlight);
                var before = (known is null ? GcraBucket.Full(Model) : BucketOf(known)) with { InFlight = flights.Units };
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
                    // Only this process's bookings and answers change the units in flight here: they are its own.
                    var after = flights.Changed(bucket.InFlight - before.InFlight, _flightsKept);
                    var replacement = StateOf(bucket, after, now + lease, (known?.Version ?? 0) + 1);
                    if (!await _store.TryReplaceAsync(_account, known, replacement, CancellationToken.None).ConfigureAwait(false))
                    {
                        continue;
                    }

                    written = replacement;
                    _mine = after.Mine;

                    // A booking whose write took long (a queue of writers on the file, a lock) leaves the request less of
                    // its lease than its attempt may last, and other processes would drop its units while it is still
                    // in flight: the lease is written again from now before the head goes.
                    if (sends && _flightsKept && Now - now > LeaseRenewedAfter.Ticks)
                    {
                        written = await RenewLeaseAsync(written, lease).ConfigureAwait(false);
                    }
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

            // Woken early by a report or a cancelled head; plan again either way.
            await BudgetQueue.SleepAsync(BudgetQueue.SleepFor(sendAt - now), _time, wake).ConfigureAwait(false);
        }
    }

    // Writes this process's flight again with its lease counted from now, the bucket as it is; again if that write was slow
    // too, and after reading afresh if another process wrote in between (which may have dropped the flight: the units of
    // this process are its own count, so they go back in).
    private async Task<RateBudgetState> RenewLeaseAsync(RateBudgetState written, long lease)
    {
        var known = written;
        while (true)
        {
            var now = Now;
            var flights = AccountFlights.Read(known, _owner, _mine, _flightsKept, now, LongestFlight);
            var renewed = StateOf(BucketOf(known) with { InFlight = flights.Units }, flights, now + lease, known.Version + 1);
            if (await _store.TryReplaceAsync(_account, known, renewed, CancellationToken.None).ConfigureAwait(false))
            {
                if (Now - now <= LeaseRenewedAfter.Ticks)
                {
                    return renewed;
                }

                known = renewed;
                continue;
            }

            // The row is never deleted by the SDK; one deleted by hand holds no flights to renew.
            if (await _store.GetAsync(_account, CancellationToken.None).ConfigureAwait(false) is not { } current)
            {
                return written;
            }

            known = current;
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

    // The units in flight come from the flights (AccountFlights), not from here.
    private static GcraBucket BucketOf(RateBudgetState state) =>
        new(state.FullAt.ToUnixTimeTicks(), state.PausedUntil.ToUnixTimeTicks(), 1 / state.RefillPerUnit.TotalSeconds);

    // Units in flight are kept as the time they take to refill, in whole nanoseconds; this process's own flight is
    // leased until its longest attempt and the margin have passed.
    private RateBudgetState StateOf(GcraBucket bucket, AccountFlights flights, long leaseEnds, long version)
    {
        var refillPerUnit = Duration.FromNanoseconds(Math.Round(1e9 / bucket.RatePerSecond));
        var (stored, inFlightRefill) = flights.ToStored(_owner, Instant.FromUnixTimeTicks(leaseEnds), refillPerUnit);
        return new(Instant.FromUnixTimeTicks(bucket.FullAt), Instant.FromUnixTimeTicks(bucket.PausedUntil), refillPerUnit, version)
        {
            InFlightRefill = inFlightRefill,
            Flights = stored,
        };
    }
}
