using Connect.Sdk.Articles;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Stock;

/// <summary>
/// Stock sync as the ERP and its users drive it: "Bestand synchronisieren" on selected articles of the journal's
/// article tab (a matrix product brings its variants, nothing is queued twice), retry, the host's signal that
/// stock changed, and each connection's stock rules. The work itself runs when the host's scheduler runs the
/// due work of the <see cref="SyncEngine"/>.
/// </summary>
public sealed class StockSync
{
    private readonly ArticleSyncRequests _requests;
    private readonly IStockRulesStore _rules;
    private readonly ILogger _logger;

    internal StockSync(IConnectionStore connections, SyncJournal journal, ManualWorkQueue queue, IArticleCatalog catalog, IStockRulesStore rules, ILogger<StockSync> logger)
    {
        _requests = new ArticleSyncRequests(connections, journal, queue, catalog, WorkKind.StockSync, RecordKind.ArticleStock, n => $"stock sync is switched off for article {n}");
        _rules = rules;
        _logger = logger;
    }

    /// <summary>
    /// Queues the stock of articles for sending ("Bestand synchronisieren"), whether it changed or not. A matrix
    /// product brings its variants; an article selected twice, or already queued or running, is not queued again.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">Article numbers ticked on a page, or every entry matching a filter of the article tab.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>
    /// The articles queued, those already waiting, those rejected with the reason (unknown article, stock sync
    /// switched off), or why the action was refused as a whole (e.g. the connection check has not passed).
    /// </returns>
    public ValueTask<QueueResult> SyncArticlesAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken) =>
        _requests.SyncArticlesAsync(connection, selection, "queued for stock sync", cancellationToken);

    /// <summary>
    /// Queues failed and warned articles again ("erneut ausführen"), e.g. after a correction. Only those are
    /// retried: a matrix product brings only its variants that failed or warned.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">Article numbers ticked on a page, or every entry matching a filter of the article tab.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>The articles queued, those already waiting, and those rejected with the reason (e.g. it succeeded).</returns>
    public ValueTask<QueueResult> RetryAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken) =>
        _requests.RetryAsync(connection, selection, cancellationToken);

    /// <summary>
    /// Tells the SDK that the ERP's stock of articles changed (a goods receipt, a shipment, an inventory count):
    /// a stock sync run becomes due at once for every connection that may run it. The run sends only the articles
    /// whose quantity to publish changed since the last successful send.
    /// </summary>
    /// <param name="articleNumbers">The ERP article numbers whose stock changed; nothing is requested when empty.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The connections a stock sync run was requested for.</returns>
    public ValueTask<IReadOnlyList<ConnectionId>> NotifyStockChangedAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _requests.NotifyChangedAsync(articleNumbers, (articles, connections) => _logger.StockChangeNotified(articles, connections), cancellationToken);

    /// <summary>Reads a connection's stock rules.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rules; <see cref="StockRules.Default"/> when none were set.</returns>
    public ValueTask<StockRules> GetRulesAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _rules.GetAsync(connection, cancellationToken);

    /// <summary>
    /// Sets a connection's stock rules. They apply from the next run; the delta then sends every article whose
    /// quantity to publish changed under the new rules.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="rules">The new rules.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The problems that kept the rules from being saved; empty when they were saved.</returns>
    public ValueTask<IReadOnlyList<string>> SetRulesAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return ArticleSyncRequests.SaveRulesAsync(rules.Validate(), () => _rules.SetAsync(connection, rules, cancellationToken), () => _logger.RulesChanged(connection, rules));
    }
}
