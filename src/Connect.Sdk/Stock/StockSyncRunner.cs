using Connect.Sdk.Sync;

namespace Connect.Sdk.Stock;

/// <summary>Runs <see cref="WorkKind.StockSync"/>: the delta on the schedule or a stock change, the queued articles when manual.</summary>
internal sealed class StockSyncRunner(StockSyncWork work) : IWorkRunner
{
    public WorkKind Kind => WorkKind.StockSync;

    public ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken) =>
        work.RunAsync(run, reconcile: false, cancellationToken);
}
