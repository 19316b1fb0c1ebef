using Connect.Sdk.Hosting;
using Connect.Sdk.Sync;
using ErpHost.Output;

namespace ErpHost.Story;

/// <summary>
/// Watches the hosted scheduler's runs: prints each one, remembers how far sample time got, and lets the story wait
/// until what it expects holds. The scheduler does the work on its own timetable; the story only looks on.
/// </summary>
internal sealed class RunTracker(StoryWriter writer, SampleTime time) : IWorkRunObserver
{
    private readonly Lock _gate = new();
    private readonly List<(Func<CancellationToken, ValueTask<bool>> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<WorkRunResult> _finished = [];

    public async ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        time.Save();
        if (result.Outcome != WorkRunOutcome.Busy)
        {
            var clean = result.Outcome == WorkRunOutcome.Completed && result.Summary.Failed == 0;
            writer.Line($"    {(clean ? "▸" : "▹")} {result.Item.Kind} for {result.Item.Connection} ({result.Item.Trigger}): {result.Outcome}, {result.Summary}{(result.Message is { } m ? $" — {m}" : string.Empty)}");
        }

        (Func<CancellationToken, ValueTask<bool>> Done, TaskCompletionSource Signal)[] waiting;
        lock (_gate)
        {
            _finished.Add(result);
            waiting = [.. _waiters];
        }

        foreach (var waiter in waiting)
        {
            if (await waiter.Done(cancellationToken))
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Waits until something the story expects holds — an order journaled, a stock level on the marketplace —
    /// checking after every finished run, since only a run can bring it about.
    /// </summary>
    public async Task UntilAsync(Func<CancellationToken, ValueTask<bool>> done, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((done, signal));
        }

        // Checked once now too: it may hold already, and no run may come to check it.
        if (await done(cancellationToken))
        {
            signal.TrySetResult();
        }

        try
        {
            await signal.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The scheduler did not bring about {what} within {timeout.TotalSeconds:0} seconds.");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Signal == signal);
            }
        }
    }

    /// <summary>
    /// Whether a run of a kind for a connection completed without failures, planned for <paramref name="since"/> or
    /// later — so it started after that instant, since the scheduler starts nothing before it is due.
    /// </summary>
    public bool CleanRunSince(Connect.Sdk.ConnectionId connection, WorkKind kind, NodaTime.Instant since)
    {
        lock (_gate)
        {
            return _finished.Any(r => r.Item.Connection == connection && r.Item.Kind == kind && r.Item.DueAt >= since
                && r.Outcome == WorkRunOutcome.Completed && r.Summary.Failed == 0);
        }
    }

    /// <summary>Waits for a condition that needs no I/O to check.</summary>
    public Task UntilAsync(Func<bool> done, string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        UntilAsync(_ => ValueTask.FromResult(done()), what, timeout, cancellationToken);
}
