using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// What the scheduler drives: the engine's planning and runs, and the alert dispatcher. A seam so that the loop's
/// timing, concurrency and shutdown can be tested with runs a test holds open.
/// </summary>
internal interface IScheduledWork
{
    ValueTask<DuePlan> GetDueWorkAsync(Duration lookAhead, CancellationToken cancellationToken);

    ValueTask<WorkClaims> ClaimAsync(IReadOnlyList<WorkItem> items, int limit, CancellationToken cancellationToken);

    ValueTask<WorkRunResult> RunAsync(WorkClaim claim, CancellationToken cancellationToken);

    ValueTask<AlertDispatchResult> DispatchAlertsAsync(CancellationToken cancellationToken);
}
