using Connect.Sdk.Stock;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// A stock runner that stalls until the test releases it or its run is cancelled; when cancelled it still tries one late
/// write of sent stock under its lease, as code that ignores the cancellation would, and keeps what the store answered.
/// </summary>
internal sealed class StallingRunner(IStockSyncStateStore state) : IWorkRunner
{
    public WorkKind Kind => WorkKind.StockSync;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The late write's failure, or null when the store accepted it.</summary>
    public TaskCompletionSource<Exception?> LateWrite { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        try
        {
            await Release.Task.WaitAsync(cancellationToken);
            return new WorkRunSummary(1, 0, 0, 0);
        }
        catch (OperationCanceledException)
        {
            try
            {
                await state.SaveAsync(run.Connection.Id, [new SentStock("1001", 5, run.StartedAt)], run.Lease, CancellationToken.None);
                LateWrite.TrySetResult(null);
            }
            catch (Exception ex)
            {
                LateWrite.TrySetResult(ex);
            }

            throw;
        }
    }
}
