using System.Diagnostics.Metrics;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.Sync;

/// <summary>The engine's metrics on the package's meter.</summary>
internal static class SyncMetrics
{
    private static readonly Counter<long> Runs = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.sync.runs", "{run}", "Work items run, by kind and outcome.");

    private static readonly Counter<long> Records = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.sync.records", "{record}", "Records journaled by runs, by kind and status.");

    public static void Recorded(WorkRunResult result)
    {
        var kind = new KeyValuePair<string, object?>("connect_sdk.work_kind", result.Item.Kind.ToString());
        Runs.Add(1, kind, new("connect_sdk.outcome", result.Outcome.ToString()));
        Add(kind, "succeeded", result.Summary.Succeeded);
        Add(kind, "warning", result.Summary.Warnings);
        Add(kind, "failed", result.Summary.Failed);
        Add(kind, "skipped", result.Summary.Skipped);
    }

    private static void Add(KeyValuePair<string, object?> kind, string status, int count)
    {
        if (count > 0)
        {
            Records.Add(count, kind, new("connect_sdk.status", status));
        }
    }
}
