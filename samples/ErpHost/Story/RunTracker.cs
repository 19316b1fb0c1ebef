using Connect.Sdk.Hosting;
using Connect.Sdk.Sync;
using ErpHost.Output;

namespace ErpHost.Story;

/// <summary>
/// Watches the hosted scheduler's runs: prints each one and lets the story wait until what it expects holds.
/// The scheduler does the work on its own timetable; the story only looks on.
/// </summary>
internal sealed class RunTracker(StoryWriter writer) : IWorkRunObserver
{
    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];

    public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome != WorkRunOutcome.Busy)
        {
            var clean = result.Outcome == WorkRunOutcome.Completed && result.Summary.Failed == 0;
            writer.Line($"    {(clean ? "▸" : "▹")} {result.Item.Kind} for {result.Item.Connection} ({result.Item.Trigger}): {result.Outcome}, {result.Summary}{(result.Message is { } m ? $" — {m}" : string.Empty)}");
        }

        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Done()).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Waits until something the story expects holds — an order in the ERP, a stock level on the marketplace —
    /// checking after every finished run, since only a run can bring it about.
    /// </summary>
    public async Task UntilAsync(Func<bool> done, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (done())
            {
                return;
            }

            _waiters.Add((done, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The scheduler did not bring about {what} within {timeout.TotalSeconds:0} seconds.");
        }
    }
}
