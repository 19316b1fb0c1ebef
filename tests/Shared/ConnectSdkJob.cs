using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;
using Quartz;

namespace Connect.Sdk.TestSupport;

#region snippet: scheduling-quartz-job
[DisallowConcurrentExecution]                 // Quartz: one pass at a time per scheduler (per cluster on a clustered store)
public sealed class ConnectSdkJob(SyncEngine engine, AlertDispatcher alerts) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        DuePlan plan = await engine.GetDueWorkAsync(ct);
        await Parallel.ForEachAsync(
            plan.Due.GroupBy(item => item.Connection),        // one connection's items in order
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (connection, token) =>
            {
                foreach (var item in connection)
                {
                    WorkRunResult result = await engine.RunAsync(item, token);   // Completed, Busy, Refused or Failed
                }
            });
        await alerts.DispatchDueAsync(ct);
    }
}
#endregion
