using Connect.Sdk.Articles;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Prices;

/// <summary>
/// Price sync as the ERP and its users drive it: "Preise synchronisieren" on selected articles of the journal's price
/// tab (a matrix product brings its variants, nothing is queued twice), retry, the host's signal that prices changed,
/// and each connection's price rules. The work itself runs when the host's scheduler runs the due work of the
/// <see cref="SyncEngine"/>. Prices follow the article's stock-sync switch: an article whose stock is not synced has
/// no price sent either.
/// </summary>
public sealed class PriceSync
{
    private readonly ArticleSyncRequests _requests;
    private readonly IPriceRulesStore _rules;
    private readonly ILogger _logger;

    internal PriceSync(IConnectionStore connections, SyncJournal journal, ManualWorkQueue queue, IArticleCatalog catalog, IPriceRulesStore rules, ILogger<PriceSync> logger)
    {
        _requests = new ArticleSyncRequests(
            connections, journal, queue, catalog, WorkKind.PriceSync, RecordKind.ArticlePrice, n => $"stock sync is switched off for article {n}, and prices follow that switch");
        _rules = rules;
        _logger = logger;
    }

    /// <summary>
    /// Queues the price of articles for sending ("Preise synchronisieren"), whether it changed or not. A matrix product
    /// brings its variants; an article selected twice, or already queued or running, is not queued again.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">Article numbers ticked on a page, or every entry matching a filter of the price tab.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>
    /// The articles queued, those already waiting, those rejected with the reason (unknown article, stock sync switched
    /// off), or why the action was refused as a whole (e.g. the connection check has not passed).
    /// </returns>
    public ValueTask<QueueResult> SyncArticlesAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken) =>
        _requests.SyncArticlesAsync(connection, selection, "queued for price sync", cancellationToken);

    /// <summary>
    /// Queues articles whose price failed or warned again ("erneut ausführen"), e.g. after a correction in the ERP. A
    /// matrix product brings only its variants that failed or warned.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">Article numbers ticked on a page, or every entry matching a filter of the price tab.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>The articles queued, those already waiting, and those rejected with the reason (e.g. it succeeded).</returns>
    public ValueTask<QueueResult> RetryAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken) =>
        _requests.RetryAsync(connection, selection, cancellationToken);

    /// <summary>
    /// Tells the SDK that the ERP's prices of articles changed (a new list price, a price group changed): a price sync
    /// run becomes due at once for every connection that may run it. The run sends only the articles whose price to
    /// publish changed since the last successful send.
    /// </summary>
    /// <param name="articleNumbers">The ERP article numbers whose price changed; nothing is requested when empty.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The connections a price sync run was requested for.</returns>
    public ValueTask<IReadOnlyList<ConnectionId>> NotifyPricesChangedAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _requests.NotifyChangedAsync(articleNumbers, (articles, connections) => _logger.PricesChangeNotified(articles, connections), cancellationToken);

    /// <summary>Reads a connection's price rules.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rules; <see cref="PriceRules.Default"/> when none were set.</returns>
    public ValueTask<PriceRules> GetRulesAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _rules.GetAsync(connection, cancellationToken);

    /// <summary>
    /// Sets a connection's price rules. They apply from the next run; the delta then sends every article whose price
    /// to publish changed under the new rules.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="rules">The new rules.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The problems that kept the rules from being saved; empty when they were saved.</returns>
    public ValueTask<IReadOnlyList<string>> SetRulesAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return ArticleSyncRequests.SaveRulesAsync(rules.Validate(), () => _rules.SetAsync(connection, rules, cancellationToken), () => _logger.RulesChanged(connection, rules));
    }
}
