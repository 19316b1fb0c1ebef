using System.Diagnostics.Metrics;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.Stock;

/// <summary>Stock sync's metrics on the package's meter; per-record counts are in the engine's <c>connect_sdk.sync.records</c>.</summary>
internal static class StockSyncMetrics
{
    private static readonly Counter<long> Batches = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.stock.batches", "{batch}", "Stock batches sent to marketplaces, by whether the call threw.");

    private static readonly Histogram<int> BatchSizes = ConnectSdkDiagnostics.Meter.CreateHistogram<int>(
        "connect_sdk.stock.batch_size", "{article}", "Articles per stock batch sent.");

    private static readonly Counter<long> UnchangedArticles = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.stock.unchanged", "{article}", "Articles a delta run left alone because their quantity to publish had not changed.");

    private static readonly Counter<long> SuppressedArticles = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
        "connect_sdk.stock.suppressed", "{article}", "Stock updates not sent because the connection is in Demo import mode.");

    public static void Batch(int size, bool threw)
    {
        Batches.Add(1, new KeyValuePair<string, object?>("connect_sdk.outcome", threw ? "threw" : "answered"));
        BatchSizes.Record(size);
    }

    public static void Unchanged(int count)
    {
        if (count > 0)
        {
            UnchangedArticles.Add(count);
        }
    }

    public static void Suppressed(int count) => SuppressedArticles.Add(count);
}
