using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows the waits pending on it (a <c>Task.Delay</c>: pacing, back-off; a
/// server hanging in <see cref="HangAsync"/>) apart from deadlines (a <see cref="CancellationTokenSource"/>'s timer),
/// and when its next timer is due; and that drives itself with <see cref="DriveAsync"/>: it moves on only while code
/// waits for it, straight to the next moment a timer is due, so pacing tests can assert each send to the millisecond
/// on a loaded machine as on an idle one, without sleeping, yielding or stepping.
/// </summary>
/// <remarks>
/// Exact as long as what a fired timer releases runs inline or waits again on this time before anything else is due:
/// true of in-process handlers and stores. A request that crosses a socket (a WireMock fake) is seen through
/// <see cref="FakeTimeWireHandler"/> (<see cref="FakeTimeServiceCollectionExtensions.UseFakeTime"/> puts one in every
/// <c>HttpClient</c>): time stands still while a request is on the wire, unless the server waits on
/// <see cref="ServerTime"/> for it, and once the answer is back the drive resumes the caller, so time stands still until
/// it waits again (<see cref="OverTheWireAsync{T}"/>). <see cref="DriveInBackground"/> drives it while a whole test runs.
/// </remarks>
public sealed class WaitAwareFakeTime : FakeTimeProvider
{
    // Not a timing assertion: a guard against a test that would otherwise hang, e.g. code that neither waits again nor
    // ends. A loaded machine holds a continuation back for seconds, never for this long.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _armed = [];
    private readonly List<TaskCompletionSource> _handedBack = [];
    private int _waits;
    private int _serverWaits;
    private int _onTheWire;
    private int _unwinding;
    private long _version;
    private int _drivers;
    private TaskCompletionSource _changed = NewSource();

    /// <summary>Creates fake time that starts at <paramref name="start"/>.</summary>
    /// <param name="start">The first moment of the fake time.</param>
    public WaitAwareFakeTime(DateTimeOffset start)
        : base(start)
    {
        ServerTime = new ServerSideTime(this);
    }

    /// <summary>
    /// The same time for a fake server (<c>MarketplaceFakeOptions.DelayTime</c>): a wait on it is a server holding back
    /// the answer to a request on the wire, so time may move on while it waits; any other request on the wire holds
    /// time still.
    /// </summary>
    public TimeProvider ServerTime { get; }

    /// <summary>Requests on the wire now: sent through a <see cref="FakeTimeWireHandler"/>, their answer not yet read.</summary>
    public int OnTheWire
    {
        get
        {
            lock (_gate)
            {
                return _onTheWire;
            }
        }
    }

    /// <summary>
    /// Whether the work waits for this time alone: code waits (a <c>Task.Delay</c>) or a request on the wire waits for a
    /// server that holds it back on <see cref="ServerTime"/>, every request on the wire is held back so, and no caller
    /// whose answer came back over the wire waits for the drive to resume it.
    /// </summary>
    /// <remarks>
    /// The count cannot tell which request a server's wait belongs to: a server that keeps waiting after its client
    /// gave up covers a later request on the wire, so keep a server's waits shorter than what follows, or end them.
    /// <see cref="HangAsync"/> is an in-process stub's hang, a wait of the code under test; a server across a socket
    /// waits on <see cref="ServerTime"/>.
    /// </remarks>
    public bool WaitsForTime
    {
        get
        {
            lock (_gate)
            {
                return WaitsForTimeUnderGate();
            }
        }
    }

    /// <summary>
    /// Runs between a timer being armed here (a drive sees it) and being scheduled on the underlying fake: the moment
    /// another thread's drive can move time. Lets a test take that moment deterministically.
    /// </summary>
    internal Action? ArmedNotYetScheduled { get; set; }

    /// <summary>Waits armed now: a <c>Task.Delay</c> not yet over, or a <see cref="HangAsync"/> not yet cancelled.</summary>
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

    /// <summary>When the earliest armed timer (a wait's or a deadline's) is due; <see langword="null"/> when none is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return NextDueUnderGate();
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

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        CreateTimer(callback, state, dueTime, period, onServer: false);

    /// <summary>
    /// Drives this time in the background until disposed, as <see cref="DriveAsync"/> does for one piece of work: while
    /// <see cref="WaitsForTime"/>, straight to the next timer due. Dispose it before the test ends.
    /// </summary>
    /// <returns>The running drive.</returns>
    /// <exception cref="InvalidOperationException">Another drive (this or <see cref="DriveAsync"/>) runs on this time.</exception>
    public BackgroundDrive DriveInBackground() => DriveInBackgroundGivingUpAfter(StuckAfter);

    /// <summary>As <see cref="DriveInBackground"/>, giving up after <paramref name="stuckAfter"/> of real time stuck.</summary>
    internal BackgroundDrive DriveInBackgroundGivingUpAfter(TimeSpan stuckAfter) => new(this, AcquireDriver(), stuckAfter);

    /// <summary>Marks a request on the wire until the returned handle is disposed.</summary>
    /// <remarks>
    /// The code after the handle is disposed runs on the thread the answer came on. While other waits are armed, a drive
    /// may move time under it before it waits again; <see cref="OverTheWireAsync{T}"/> hands it back to the drive instead.
    /// </remarks>
    /// <param name="requestAborted">The request's token: once it is cancelled, the request unwinds and holds time still.</param>
    /// <returns>The handle that takes the request off the wire.</returns>
    public IDisposable EnterWire(CancellationToken requestAborted) => Enter(requestAborted);

    /// <summary>
    /// Runs a call that crosses a socket (a fake server, a database) as a request on the wire: time stands still from
    /// the call until its answer is back, and then until the caller waits again, because the drive
    /// (<see cref="DriveAsync"/>, <see cref="DriveInBackground"/>) resumes the caller itself, as it runs what a timer
    /// releases. Without a drive the caller resumes where the answer came. <see cref="FakeTimeWireHandler"/> sends every
    /// request through it.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Without the hand-back, the code after an answer runs on the socket's thread while the other work waits on armed
    /// timers. To a drive that looks like waiting, and it moves time on: that code reads a later moment than its answer
    /// came at and sleeps from there, so paced sends come late or bunch up.
    /// </para>
    /// <para>
    /// The caller runs inline up to its first <c>await</c> that captured a synchronization context. Never block on the
    /// returned task in code a drive runs: its answer waits for the drive, and the drive is the thread that blocks.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">What the call answers.</typeparam>
    /// <param name="call">The call; it starts when this method is called.</param>
    /// <param name="requestAborted">The request's token: once it is cancelled, the request unwinds and holds time still.</param>
    /// <returns>The call's answer, or its failure.</returns>
    public async Task<T> OverTheWireAsync<T>(Func<Task<T>> call, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(call);
        var ticket = Enter(requestAborted);
        Task<T> answer;
        try
        {
            answer = call() ?? throw new InvalidOperationException("The call over the wire returned no task.");
        }
        catch
        {
            ticket.Dispose();
            throw;
        }

        if (answer.IsCompleted)
        {
            // Answered on the caller's own thread: nothing ran anywhere else.
            ticket.Dispose();
            return await answer.ConfigureAwait(false);
        }

        await ((Task)answer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await ticket.LeaveToDriveAsync().ConfigureAwait(false);
        return await answer.ConfigureAwait(false);
    }

    private WireTicket Enter(CancellationToken requestAborted)
    {
        Update(static owner => owner._onTheWire++);
        return new WireTicket(this, requestAborted);
    }

    private TrackedTimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, bool onServer)
    {
        // A cancellation source's timer is a deadline: it fires if nothing else happens first, and code that runs
        // meanwhile does not wait for it.
        var timer = new TrackedTimer(this, callback, state, isWait: state is not CancellationTokenSource, onServer);
        timer.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// A server that never answers: a pending wait until <paramref name="cancellationToken"/> releases it. Like a
    /// timer's, the wait is over when it is released, not when the code after it runs, which may be on another thread.
    /// </summary>
    /// <param name="cancellationToken">The request's token; the only way the wait ends.</param>
    /// <returns>A task cancelled with the token.</returns>
    public async Task HangAsync(CancellationToken cancellationToken)
    {
        Update(static owner => owner._waits++);
        using var released = cancellationToken.UnsafeRegister(static state => ((WaitAwareFakeTime)state!).Update(static owner => owner._waits--), this);

        // No timer: nothing but the cancellation ends it. No captured context: the cancellation flows back inline.
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves time on until <paramref name="work"/> is done: only while something waits, each time straight to the next
    /// moment a timer is due. It does not observe the work's outcome; await the work for that.
    /// </summary>
    /// <param name="work">The work that waits on this time.</param>
    /// <param name="limit">The most fake time the work may take.</param>
    /// <returns>A task that completes once the work is done.</returns>
    /// <exception cref="TimeoutException">
    /// The work needs more than <paramref name="limit"/>, waits with no timer due, or neither waits nor ends for
    /// minutes of real time.
    /// </exception>
    /// <exception cref="InvalidOperationException">Another drive (this or <see cref="DriveInBackground"/>) runs on this time.</exception>
    public async Task DriveAsync(Task work, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var driver = AcquireDriver();
        var until = GetUtcNow() + limit;
        while (!work.IsCompleted)
        {
            var state = Snapshot();
            if (state.HandedBack)
            {
                await Task.Run(ResumeHandedBack).ConfigureAwait(false);
                continue;
            }

            if (!state.WaitsForTime)
            {
                // Code runs between two waits (a continuation that hopped threads, a request on the wire): time stands
                // still until it waits again or the work ends.
                await WaitRealTimeAsync(Task.WhenAny(work, state.Changed)).ConfigureAwait(false);
                continue;
            }

            var next = state.NextDue ?? throw new TimeoutException("The work waits, but no timer is due: it waits for ever.");
            if (next > until)
            {
                throw new TimeoutException($"The work did not finish within {limit} of fake time: it waits until {next:O}.");
            }

            if (await Task.Run(() => AdvancedInVain(next, state.Version)).ConfigureAwait(false))
            {
                // The move released nothing (a timer another thread is firing right now): wait for the next change
                // rather than spin on the same moment.
                await WaitRealTimeAsync(Task.WhenAny(work, state.Changed)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One consistent reading of the state a drive decides on, under the gate: whether the work waits for time alone,
    /// the next timer due, the version (counted up by every change) and the signal of the next change.
    /// </summary>
    internal DriveState Snapshot()
    {
        lock (_gate)
        {
            var handedBack = _handedBack.Count > 0;
            return new DriveState(_version, WaitsForTimeUnderGate(), NextDueUnderGate(), _changed.Task, _onTheWire > 0 || _waits > 0 || handedBack, handedBack);
        }
    }

    /// <summary>
    /// Resumes the callers whose answers came back over the wire (<see cref="OverTheWireAsync{T}"/>), here and now: each
    /// runs inline up to its next wait, so time cannot move while it runs. Call it off any synchronization context.
    /// </summary>
    internal void ResumeHandedBack()
    {
        TaskCompletionSource[] callers = [];
        Update(owner =>
        {
            callers = [.. owner._handedBack];
            owner._handedBack.Clear();
        });
        foreach (var caller in callers)
        {
            caller.TrySetResult();
        }
    }

    /// <summary>
    /// Moves time to <paramref name="next"/> only if nothing changed since the snapshot of <paramref name="version"/>:
    /// a wait that ended or a request that went on the wire since then means code runs, and time must stand still.
    /// </summary>
    /// <returns>Whether it moved.</returns>
    internal bool TryAdvanceTo(DateTimeOffset next, long version)
    {
        lock (_gate)
        {
            if (_version != version)
            {
                return false;
            }
        }

        // Not under the gate: what fires runs inline and takes the gate itself, possibly from another thread.
        AdvanceTo(next);
        return true;
    }

    /// <summary>
    /// Moves time to <paramref name="next"/> as <see cref="TryAdvanceTo"/> does, and tells whether that was in vain:
    /// time moved, yet nothing changed since the snapshot of <paramref name="version"/>, so no timer fired.
    /// </summary>
    internal bool AdvancedInVain(DateTimeOffset next, long version)
    {
        if (!TryAdvanceTo(next, version))
        {
            return false;
        }

        lock (_gate)
        {
            return _version == version;
        }
    }

    /// <summary>
    /// Moves time to <paramref name="next"/> (or nowhere, when it has passed). Call it off any synchronization context:
    /// the continuations of what fires then run inline, inside Advance, so once it returns the code it released has
    /// run up to its next wait (or its end).
    /// </summary>
    internal void AdvanceTo(DateTimeOffset next)
    {
        var step = next - GetUtcNow();
        Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
        FireOverdue();
    }

    /// <summary>
    /// Fires each timer still armed although its due moment has come. A timer is armed with the moment it reads before
    /// it reaches the underlying fake, so a drive on another thread can move time to that moment in between: the
    /// underlying timer then counts from the later moment and would fire late, and a drive would keep moving to a
    /// moment that has already come, for ever, burning a core. Firing it now keeps the moment every drive saw.
    /// </summary>
    private void FireOverdue()
    {
        var now = GetUtcNow();
        TrackedTimer[] overdue;
        lock (_gate)
        {
            overdue = [.. _armed.Where(timer => timer.DueAt <= now)];
        }

        foreach (var timer in overdue)
        {
            timer.FireNow();
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DriverTicket AcquireDriver()
    {
        // Two drives would each advance on their own reading of the state: one could move time while the other's work runs.
        if (Interlocked.CompareExchange(ref _drivers, 1, 0) != 0)
        {
            throw new InvalidOperationException("Another drive already moves this fake time (DriveAsync or DriveInBackground): dispose or await it before starting a second one.");
        }

        return new DriverTicket(this);
    }

    private bool WaitsForTimeUnderGate()
    {
        // A server's wait counts only while a request is on the wire for it: once the client gave up, the server may
        // hang on alone while the failure unwinds in real time. A request cancelled on the wire unwinds too, so it holds
        // time still, its server's wait notwithstanding.
        var clientWaits = _waits - _serverWaits;
        var answerAwaited = _onTheWire - _unwinding;
        return (clientWaits > 0 || answerAwaited > 0) && _onTheWire + _unwinding <= _serverWaits && _handedBack.Count == 0;
    }

    // A caller whose answer came back waits for the drive to resume it; with no drive it goes on where it is.
    private Task HandBackUnderGate()
    {
        if (Volatile.Read(ref _drivers) == 0)
        {
            return Task.CompletedTask;
        }

        // Its continuation runs inline, on the drive that completes it.
        var caller = new TaskCompletionSource();
        _handedBack.Add(caller);
        return caller.Task;
    }

    private DateTimeOffset? NextDueUnderGate() => _armed.Count == 0 ? null : _armed.Min(t => t.DueAt);

    private static async Task WaitRealTimeAsync(Task signal)
    {
        try
        {
            await signal.WaitAsync(StuckAfter).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Fake time stood still for {StuckAfter} of real time: nothing waits for it, yet the work neither ends nor waits again.", exception);
        }
    }

    private void Update(Action<WaitAwareFakeTime> change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change(this);
            _version++;
            changed = _changed;
            _changed = NewSource();
        }

        changed.TrySetResult();
    }

    /// <summary>The one drive allowed on the owner, released once.</summary>
    private sealed class DriverTicket(WaitAwareFakeTime owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            // Callers handed back to this drive resume on the pool: no drive is left to run them.
            TaskCompletionSource[] left = [];
            owner.Update(o =>
            {
                Volatile.Write(ref o._drivers, 0);
                left = [.. o._handedBack];
                o._handedBack.Clear();
            });
            foreach (var caller in left)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static c => c.TrySetResult(), caller, preferLocal: false);
            }
        }
    }

    /// <summary>The owner's time, whose waits are a server's (see <see cref="ServerTime"/>).</summary>
    private sealed class ServerSideTime(WaitAwareFakeTime owner) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => owner.LocalTimeZone;

        public override long TimestampFrequency => owner.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => owner.GetUtcNow();

        public override long GetTimestamp() => owner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            owner.CreateTimer(callback, state, dueTime, period, onServer: true);
    }

    /// <summary>A request on the wire, unwinding once its token is cancelled, taken off once.</summary>
    private sealed class WireTicket : IDisposable
    {
        private const int OnTheWire = 0;
        private const int Unwinding = 1;
        private const int Off = 2;

        private readonly WaitAwareFakeTime _owner;
        private readonly CancellationTokenRegistration _aborted;
        private int _state;

        public WireTicket(WaitAwareFakeTime owner, CancellationToken requestAborted)
        {
            _owner = owner;
            _aborted = requestAborted.UnsafeRegister(static s => ((WireTicket)s!).Abort(), this);
        }

        public void Dispose() => Leave(handBack: false);

        /// <summary>Takes the request off the wire and, in the same step, hands its caller back to the drive.</summary>
        /// <returns>A task that completes when the drive resumes the caller (at once without a drive).</returns>
        public Task LeaveToDriveAsync() => Leave(handBack: true);

        private Task Leave(bool handBack)
        {
            // Waits for an abort that runs now, so the state below is final.
            _aborted.Dispose();
            var was = Interlocked.Exchange(ref _state, Off);
            if (was == Off)
            {
                return Task.CompletedTask;
            }

            // One step: a drive must never see the request off the wire and its caller not yet handed back.
            var resumed = Task.CompletedTask;
            _owner.Update(o =>
            {
                o._onTheWire--;
                o._unwinding -= was == Unwinding ? 1 : 0;
                resumed = handBack ? o.HandBackUnderGate() : Task.CompletedTask;
            });
            return resumed;
        }

        private void Abort()
        {
            if (Interlocked.CompareExchange(ref _state, Unwinding, OnTheWire) == OnTheWire)
            {
                _owner.Update(static o => o._unwinding++);
            }
        }
    }

    /// <summary>One timer, armed (counted if it is a wait) from its due time until it fires or is disposed.</summary>
    private sealed class TrackedTimer(WaitAwareFakeTime owner, TimerCallback callback, object? state, bool isWait, bool onServer) : ITimer
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
            owner.ArmedNotYetScheduled?.Invoke();
            var changed = Inner.Change(dueTime, period);
            var scheduledBy = owner.GetUtcNow();
            if (dueTime != Timeout.InfiniteTimeSpan && scheduledBy > now)
            {
                // Time moved while the timer was armed: the underlying timer counts from a moment up to scheduledBy. A
                // drive must not take it as due before that count is, or FireOverdue would fire it early.
                owner.Update(_ =>
                {
                    if (owner._armed.Contains(this) && DueAt < scheduledBy + dueTime)
                    {
                        DueAt = scheduledBy + dueTime;
                    }
                });
            }

            return changed;
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

        /// <summary>
        /// Has the underlying timer fire at once (it then counts its period from now). A timer the underlying fake is
        /// firing on another thread at this moment fires once more: harmless for what timers release (a delay's or a
        /// deadline's completion happens once).
        /// </summary>
        public void FireNow() => Inner.Change(TimeSpan.Zero, _period);

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
                owner._serverWaits += onServer ? 1 : 0;
            }
        }

        private void Disarm()
        {
            if (owner._armed.Remove(this) && isWait)
            {
                owner._waits--;
                owner._serverWaits -= onServer ? 1 : 0;
            }
        }
    }
}
