namespace Connect.Sdk.Testing.Time;

/// <summary>
/// <see cref="WaitAwareFakeTime"/> driving itself while a test runs, from <see cref="WaitAwareFakeTime.DriveInBackground"/>:
/// whenever the work waits for time alone (<see cref="WaitAwareFakeTime.WaitsForTime"/>), it moves straight to the next
/// timer due; otherwise it stands still. Pacing and back-off waits pass at once; a deadline fires only when the work
/// really waits until it. Dispose it to stop.
/// </summary>
/// <remarks>
/// Unlike <see cref="WaitAwareFakeTime.DriveAsync"/> it needs no handle on the work, so it serves code that starts work
/// itself (a test host's runs, a conformance check): nothing waits between two pieces of work, so time stands still.
/// </remarks>
public sealed class BackgroundDrive : IAsyncDisposable
{
    private readonly WaitAwareFakeTime _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _driving;

    internal BackgroundDrive(WaitAwareFakeTime time)
    {
        _time = time;

        // Off the caller's synchronization context from the start: what a timer releases runs inline in AdvanceTo.
        _driving = Task.Run(DriveAsync);
    }

    /// <summary>Stops driving; a failure of the drive itself surfaces here.</summary>
    /// <returns>A task that completes when the drive has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _driving.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped while it stood still.
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task DriveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            // Read before the state, so a change after the reading is never missed.
            var changed = _time.NextChange;
            if (_time.WaitsForTime && _time.NextDue is { } next)
            {
                _time.AdvanceTo(next);
                continue;
            }

            await changed.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
    }
}
