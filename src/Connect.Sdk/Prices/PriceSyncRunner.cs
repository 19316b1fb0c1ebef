using Connect.Sdk.Sync;

namespace Connect.Sdk.Prices;

/// <summary>Runs <see cref="WorkKind.PriceSync"/>: the delta on the schedule or a price change, the queued articles when manual.</summary>
internal sealed class PriceSyncRunner(PriceSyncWork work) : IWorkRunner
{
    public WorkKind Kind => WorkKind.PriceSync;

    public ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken) =>
        work.RunAsync(run, reconcile: false, cancellationToken);
}
