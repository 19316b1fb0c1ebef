using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.DependencyInjection;

/// <summary>
/// Settings of the SDK as a whole, validated at start-up. The defaults follow the seed: orders every
/// 15 minutes, stock and prices on change plus a daily full reconcile each.
/// </summary>
public sealed class ConnectSdkOptions
{
    /// <summary>How often scheduled order imports run per connection. Default 15 minutes; between 1 minute and 1 day.</summary>
    public Duration OrderImportInterval { get; set; } = Duration.FromMinutes(15);

    /// <summary>
    /// How far the first scheduled order import of a connection reaches back, when it has no cursor yet.
    /// Default 1 day; between zero and 90 days. Older orders can be imported by number.
    /// </summary>
    public Duration OrderImportInitialLookback { get; set; } = Duration.FromDays(1);

    /// <summary>
    /// How often the engine looks for stock changes per connection when the host does not report them
    /// (<c>NotifyStockChangedAsync</c> makes a run due at once). Default 5 minutes; between 10 seconds and 1 day.
    /// </summary>
    public Duration StockSyncInterval { get; set; } = Duration.FromMinutes(5);

    /// <summary>
    /// How long a worker's claim on a connection lasts before another worker may take over, e.g. after a
    /// crash. A run renews it in the background every third of it, and between batches. Default 10 minutes; between
    /// 30 seconds and 1 day.
    /// </summary>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(10);

    /// <summary>
    /// How long the engine waits before running event or manual work again whose run broke off (a store or
    /// the marketplace failed as a whole), so that a change the ERP reported is not left waiting for the next
    /// change. Default 1 minute; between 1 second and 1 hour.
    /// </summary>
    public Duration FailedRunRetryDelay { get; set; } = Duration.FromMinutes(1);

    /// <summary>
    /// The name this process uses when it claims a connection; unique per worker process. Defaults to the
    /// machine name, the process id and a random suffix.
    /// </summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How often a full stock reconcile runs per connection. Default 1 day; between 1 hour and 7 days.</summary>
    public Duration StockReconcileInterval { get; set; } = Duration.FromDays(1);

    /// <summary>
    /// How often the engine looks for price changes per connection when the host does not report them
    /// (<c>NotifyPricesChangedAsync</c> makes a run due at once). Default 15 minutes; between 10 seconds and 1 day.
    /// </summary>
    public Duration PriceSyncInterval { get; set; } = Duration.FromMinutes(15);

    /// <summary>How often a full price reconcile runs per connection. Default 1 day; between 1 hour and 7 days.</summary>
    public Duration PriceReconcileInterval { get; set; } = Duration.FromDays(1);

    /// <summary>
    /// How far a scheduled order import reaches back behind its cursor, so that orders a marketplace
    /// indexes late are not missed. Default 10 minutes; between zero and 1 day.
    /// </summary>
    public Duration OrderImportOverlap { get; set; } = Duration.FromMinutes(10);

    /// <summary>
    /// How many history lines each journal entry keeps as they are; past it, the oldest lines are folded into one
    /// summary line, a fifth of them at a time. Default 50; between 10 and 10,000.
    /// </summary>
    public int JournalHistoryLines { get; set; } = JournalHistoryBound.DefaultMaxLines;
}
