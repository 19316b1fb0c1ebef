using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Hosting;

/// <summary>The scheduler's work in production: the core's <see cref="SyncEngine"/> and <see cref="AlertDispatcher"/>.</summary>
internal sealed class EngineWork(SyncEngine engine, AlertDispatcher alerts) : IScheduledWork
{
    public ValueTask<DuePlan> GetDueWorkAsync(CancellationToken cancellationToken) => engine.GetDueWorkAsync(cancellationToken);

    public ValueTask<WorkRunResult> RunAsync(WorkItem item, CancellationToken cancellationToken) => engine.RunAsync(item, cancellationToken);

    public ValueTask<AlertDispatchResult> DispatchAlertsAsync(CancellationToken cancellationToken) => alerts.DispatchDueAsync(cancellationToken);
}
