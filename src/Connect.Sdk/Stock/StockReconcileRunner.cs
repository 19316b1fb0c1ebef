using Connect.Sdk.Sync;

namespace Connect.Sdk.Stock;

/// <summary>Runs <see cref="WorkKind.StockReconcile"/>: every mapped article, changed or not, so that drift on the marketplace is corrected.</summary>
internal sealed class StockReconcileRunner(StockSyncWork work) : IWorkRunner
{
    public WorkKind Kind => WorkKind.StockReconcile;

    public ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken) =>
        work.RunAsync(run, reconcile: true, cancellationToken);
}
