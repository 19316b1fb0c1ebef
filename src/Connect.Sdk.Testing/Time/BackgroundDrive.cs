namespace Connect.Sdk.Testing.Time;

/// <summary>
/// <see cref="WaitAwareFakeTime"/> driving itself while a test runs, from <see cref="WaitAwareFakeTime.DriveInBackground"/>:
/// whenever the work waits for time alone (<see cref="WaitAwareFakeTime.WaitsForTime"/>), it moves straight to the next
/// timer due; otherwise it stands still. Pacing and back-off waits pass at once; a deadline fires only when the work
/// really waits until it. Dispose it to stop; only one drive runs on a time at once.
/// </summary>
/// <remarks>
/// <para>
/// Unlike <see cref="WaitAwareFakeTime.DriveAsync"/> it needs no handle on the work, so it serves code that starts work
/// itself (a test host's runs, a conformance check): nothing waits between two pieces of work, so time stands still.
/// </para>
/// <para>
/// It reads the state in one snapshot and moves time only if nothing changed since (a wait ended, a request went on the
/// wire), and it resumes the callers whose answers came back over the wire itself. What it cannot see: code that hops to
/// a thread of its own between two of its waits by other means (a <c>Task.Run</c>, a lock released on another thread)
/// while another wait is armed (a second connection's pacing, a pump) looks like code waiting, so time may move under it
/// and fire its deadline. Run such work alone, or with <see cref="WaitAwareFakeTime.DriveAsync"/>.
/// </para>
/// <para>
/// Like <see cref="WaitAwareFakeTime.DriveAsync"/> it gives up when something is pending (a wait armed, a request on
/// the wire, a caller handed back) yet nothing changes for minutes of real time, e.g. a fake server that waits on the
/// client's own time instead of <see cref="WaitAwareFakeTime.ServerTime"/>; the <see cref="TimeoutException"/> surfaces
/// from <see cref="DisposeAsync"/>.
/// </para>
/// </remarks>
public sealed class BackgroundDrive : IAsyncDisposable
{
    private readonly WaitAwareFakeTime _time;
    private readonly IDisposable _driver;
    private readonly TimeSpan _stuckAfter;
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    internal BackgroundDrive(WaitAwareFakeTime time, IDisposable driver, TimeSpan stuckAfter)
    {
        _time = time;
        _driver = driver;
        _stuckAfter = stuckAfter;

        // Off the caller's synchronization context from the start: what a timer releases runs inline in AdvanceTo.
        Driving = Task.Run(DriveAsync);
    }

    /// <summary>The drive itself: faults with a <see cref="TimeoutException"/> when time is stuck.</summary>
    internal Task Driving { get; }

    /// <summary>Stops driving; a failure of the drive itself (time stuck) surfaces here. A second call does nothing.</summary>
    /// <returns>A task that completes when the drive has stopped.</returns>
    /// <exception cref="TimeoutException">Something was pending, yet nothing changed for minutes of real time.</exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Driving.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped while it stood still.
        }
        finally
        {
            _stop.Dispose();
            _driver.Dispose();
        }
    }

    private async Task DriveAsync()
    {
        try
        {
            await DriveUntilStoppedAsync().ConfigureAwait(false);
        }
        finally
        {
            // A drive that gave up (time stuck) drives no more: a caller handed back to it must not wait for ever, nor
            // until the test gets round to disposing it.
            _driver.Dispose();
        }
    }

    private async Task DriveUntilStoppedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var state = _time.Snapshot();
            if (state.HandedBack)
            {
                _time.ResumeHandedBack();
                continue;
            }

            if (state.WaitsForTime && state.NextDue is { } next && !_time.AdvancedInVain(next, state.Version))
            {
                continue;
            }

            // Nothing to move to, or a move that released nothing (a timer another thread is firing right now): wait
            // for the next change rather than spin on the same moment.
            await WaitForChangeAsync(state).ConfigureAwait(false);
        }
    }

    private async Task WaitForChangeAsync(DriveState state)
    {
        if (!state.Busy)
        {
            // Nothing pending: the test is between two pieces of work, however long it takes.
            await state.Changed.WaitAsync(_stop.Token).ConfigureAwait(false);
            return;
        }

        try
        {
            await state.Changed.WaitAsync(_stuckAfter, _stop.Token).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                $"Fake time stood still for {_stuckAfter} of real time with {_time.PendingWaits} wait(s) armed and {_time.OnTheWire} request(s) on the wire, none of them covered: does a fake server wait on the client's time instead of its ServerTime?",
                exception);
        }
    }
}
