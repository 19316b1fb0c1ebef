using System.Diagnostics;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Hosting;

/// <summary>
/// Runs one work item for the scheduler: calls the engine, logs and meters how the run ended, and tells the
/// observers. Never throws, so a broken run cannot end the loop.
/// </summary>
internal sealed class RunExecutor(IScheduledWork work, WorkRunObservers observers, HostingMetrics metrics, TimeProvider time, ILogger logger)
{
    public async Task ExecuteAsync(WorkClaim claim, CancellationToken cancellationToken)
    {
        var item = claim.Item;
        // Each run is a trace of its own rather than a child of whatever started the host.
        Activity.Current = null;
        using var activity = HostingDiagnostics.ActivitySource.StartActivity("connect_sdk.hosting.run");
        activity?.SetTag("connect_sdk.connection_id", item.Connection.Value);
        activity?.SetTag("connect_sdk.work_kind", item.Kind.ToString());
        activity?.SetTag("connect_sdk.trigger", item.Trigger.ToString());

        var started = time.GetTimestamp();
        WorkRunResult? result = null;
        Exception? error = null;
        string outcome;
        try
        {
            result = await work.RunAsync(claim, cancellationToken).ConfigureAwait(false);
            outcome = result.Outcome.ToString();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = RunEnd.Cancelled;
        }
        catch (Exception ex)
        {
            outcome = RunEnd.Error;
            error = ex;
        }

        var elapsed = time.GetElapsedTime(started);
        activity?.SetTag("connect_sdk.outcome", outcome);
        metrics.RunEnded(item.Kind, outcome, elapsed);
        var elapsedMs = (long)elapsed.TotalMilliseconds;
        if (result is null)
        {
            if (error is null)
            {
                logger.RunCancelled(item, elapsedMs);
            }
            else
            {
                logger.RunThrew(error, item, elapsedMs);
            }

            return;
        }

        if (result.Outcome == WorkRunOutcome.Failed)
        {
            logger.RunFailed(result, elapsedMs);
        }
        else
        {
            logger.RunFinished(result, elapsedMs);
        }

        await observers.NotifyAsync(result, cancellationToken).ConfigureAwait(false);
    }
}
