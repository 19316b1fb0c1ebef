using System.Diagnostics.Metrics;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.Shipments;

/// <summary>The status and tracking export's instruments on <see cref="ConnectSdkDiagnostics.Meter"/>.</summary>
internal static class OrderStatusExportMetrics
{
    private static readonly Counter<long> Changes = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.order_status.changes", "{change}", "Order changes reported by the ERP, by whether they replaced a change still waiting (coalesced).");

    private static readonly Counter<long> Exports = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.order_status.exports", "{export}", "Order status exports, by result (exported, warning, failed, skipped, suppressed, unknown_order).");

    public static void ChangeReported(bool coalesced) =>
        Changes.Add(1, new KeyValuePair<string, object?>("connect_sdk.coalesced", coalesced));

    public static void Exported(string result) =>
        Exports.Add(1, new KeyValuePair<string, object?>("connect_sdk.result", result));
}
