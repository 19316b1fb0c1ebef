using System.Diagnostics.Metrics;
using Connect.Sdk.Diagnostics;

namespace Connect.Sdk.ArticleSync;

/// <summary>One article feature's metrics on the package's meter (stock, prices); per-record counts are in the engine's <c>connect_sdk.sync.records</c>.</summary>
internal sealed class ArticleSyncMetrics
{
    /// <summary>Stock sync's metrics, <c>connect_sdk.stock.*</c>.</summary>
    public static readonly ArticleSyncMetrics Stock = new("stock", "Stock", "quantity");

    /// <summary>Price sync's metrics, <c>connect_sdk.prices.*</c>.</summary>
    public static readonly ArticleSyncMetrics Prices = new("prices", "Price", "price");

    private readonly Counter<long> _batches;
    private readonly Histogram<int> _batchSizes;
    private readonly Counter<long> _unchanged;
    private readonly Counter<long> _suppressed;

    private ArticleSyncMetrics(string name, string title, string value)
    {
        _batches = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
            $"connect_sdk.{name}.batches", "{batch}", $"{title} batches sent to marketplaces, by whether the call threw.");
        _batchSizes = ConnectSdkDiagnostics.Meter.CreateHistogram<int>(
            $"connect_sdk.{name}.batch_size", "{article}", $"Articles per {title.ToLowerInvariant()} batch sent.");
        _unchanged = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
            $"connect_sdk.{name}.unchanged", "{article}", $"Articles a delta run left alone because their {value} to publish had not changed.");
        _suppressed = ConnectSdkDiagnostics.Meter.CreateCounter<long>(
            $"connect_sdk.{name}.suppressed", "{article}", $"{title} updates not sent because the connection is in Demo import mode.");
    }

    public void Batch(int size, bool threw)
    {
        _batches.Add(1, new KeyValuePair<string, object?>("connect_sdk.outcome", threw ? "threw" : "answered"));
        _batchSizes.Record(size);
    }

    public void Unchanged(int count)
    {
        if (count > 0)
        {
            _unchanged.Add(count);
        }
    }

    public void Suppressed(int count) => _suppressed.Add(count);
}
