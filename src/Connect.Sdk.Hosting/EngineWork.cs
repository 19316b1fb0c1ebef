using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Hosting;

/// <summary>The scheduler's work in production: the core's <see cref="SyncEngine"/> and <see cref="AlertDispatcher"/>.</summary>
internal sealed class EngineWork(SyncEngine engine, AlertDispatcher alerts) : IScheduledWork
{
    public ValueTask<DuePlan> GetDueWorkAsync(CancellationToken cancellationToken) => engine.GetDueWorkAsync(cancellationToken);

    public ValueTask<IReadOnlyList<WorkClaim>> ClaimAsync(IReadOnlyList<WorkItem> items, int limit, CancellationToken cancellationToken) =>
        engine.ClaimAsync(items, limit, cancellationToken);

    public ValueTask<WorkRunResult> RunAsync(WorkClaim claim, CancellationToken cancellationToken) => engine.RunAsync(claim, cancellationToken);

    public ValueTask<AlertDispatchResult> DispatchAlertsAsync(CancellationToken cancellationToken) => alerts.DispatchDueAsync(cancellationToken);
}
