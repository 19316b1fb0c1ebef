using Connect.Sdk.Sync;

namespace Connect.Sdk.Prices;

/// <summary>Runs <see cref="WorkKind.PriceReconcile"/>: every mapped article's price, changed or not, so that drift on the marketplace is corrected.</summary>
internal sealed class PriceReconcileRunner(PriceSyncWork work) : IWorkRunner
{
    public WorkKind Kind => WorkKind.PriceReconcile;

    public ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken) =>
        work.RunAsync(run, reconcile: true, cancellationToken);
}
