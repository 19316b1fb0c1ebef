using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>The scheduler's work in production: the core's <see cref="SyncEngine"/> and <see cref="AlertDispatcher"/>.</summary>
internal sealed class EngineWork(SyncEngine engine, AlertDispatcher alerts) : IScheduledWork
{
    public ValueTask<DuePlan> GetDueWorkAsync(Duration lookAhead, CancellationToken cancellationToken) => engine.GetDueWorkAsync(lookAhead, cancellationToken);

    public ValueTask<WorkClaims> ClaimAsync(IReadOnlyList<WorkItem> items, int limit, CancellationToken cancellationToken) =>
        engine.ClaimAsync(items, limit, cancellationToken);

    public ValueTask<WorkRunResult> RunAsync(WorkClaim claim, CancellationToken cancellationToken) => engine.RunAsync(claim, cancellationToken);

    public ValueTask<AlertDispatchResult> DispatchAlertsAsync(CancellationToken cancellationToken) => alerts.DispatchDueAsync(cancellationToken);
}
