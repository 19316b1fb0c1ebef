using Connect.Sdk.Articles;
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
    private readonly IConnectionStore _connections;
    private readonly SyncJournal _journal;
    private readonly ManualWorkQueue _queue;
    private readonly IArticleCatalog _catalog;
    private readonly IStockRulesStore _rules;
    private readonly ILogger _logger;

    internal StockSync(IConnectionStore connections, SyncJournal journal, ManualWorkQueue queue, IArticleCatalog catalog, IStockRulesStore rules, ILogger<StockSync> logger)
    {
        _connections = connections;
        _journal = journal;
        _queue = queue;
        _catalog = catalog;
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
    public async ValueTask<QueueResult> SyncArticlesAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var keys = await _journal.ResolveAsync(connection, RecordKind.ArticleStock, selection, cancellationToken).ConfigureAwait(false);
        var expansion = await ExpandAsync(keys, _ => ValueTask.FromResult(true), cancellationToken).ConfigureAwait(false);
        return await QueueAsync(connection, expansion, "queued for stock sync", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues failed and warned articles again ("erneut ausführen"), e.g. after a correction. Only those are
    /// retried: a matrix product brings only its variants that failed or warned.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">Article numbers ticked on a page, or every entry matching a filter of the article tab.</param>
    /// <param name="cancellationToken">Cancels the queueing.</param>
    /// <returns>The articles queued, those already waiting, and those rejected with the reason (e.g. it succeeded).</returns>
    public async ValueTask<QueueResult> RetryAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var keys = await _journal.ResolveAsync(connection, RecordKind.ArticleStock, selection, cancellationToken).ConfigureAwait(false);
        var retryable = new List<string>(keys.Count);
        var rejected = new List<QueueRejection>();
        foreach (var key in keys)
        {
            var entry = await _journal.GetAsync(new JournalKey(connection, RecordKind.ArticleStock, key), cancellationToken).ConfigureAwait(false);
            if (entry is { Status: JournalStatus.Failed or JournalStatus.Warning })
            {
                retryable.Add(key);
            }
            else
            {
                rejected.Add(new QueueRejection(key, $"article {key} is {(entry is null ? "not in the journal" : entry.Status.ToString())}; only failed or warned articles are retried"));
            }
        }

        var expansion = await ExpandAsync(retryable, variant => NeedsRetryAsync(connection, variant, cancellationToken), cancellationToken).ConfigureAwait(false);
        expansion.Rejected.InsertRange(0, rejected);
        return await QueueAsync(connection, expansion, "queued again (retry)", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the SDK that the ERP's stock of articles changed (a goods receipt, a shipment, an inventory count):
    /// a stock sync run becomes due at once for every connection that may run it. The run sends only the articles
    /// whose quantity to publish changed since the last successful send.
    /// </summary>
    /// <param name="articleNumbers">The ERP article numbers whose stock changed; nothing is requested when empty.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The connections a stock sync run was requested for.</returns>
    public async ValueTask<IReadOnlyList<ConnectionId>> NotifyStockChangedAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        if (articleNumbers.Count == 0)
        {
            return [];
        }

        var requested = new List<ConnectionId>();
        await foreach (var connection in _connections.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            // A request the allowed-actions table refuses would wait in the schedule and fire, stale, much later.
            if (AllowedActions.Decide(connection, WorkKind.StockSync.Feature(), SyncTrigger.Event).IsAllowed)
            {
                await _queue.RequestAsync(connection.Id, WorkKind.StockSync, SyncTrigger.Event, cancellationToken).ConfigureAwait(false);
                requested.Add(connection.Id);
            }
        }

        _logger.StockChangeNotified(articleNumbers.Count, requested.Count);
        return requested;
    }

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
    public async ValueTask<IReadOnlyList<string>> SetRulesAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = rules.Validate();
        if (problems.Count > 0)
        {
            return problems;
        }

        await _rules.SetAsync(connection, rules, cancellationToken).ConfigureAwait(false);
        _logger.RulesChanged(connection, rules);
        return [];
    }

    private async ValueTask<bool> NeedsRetryAsync(ConnectionId connection, Article variant, CancellationToken cancellationToken)
    {
        var entry = await _journal.GetAsync(new JournalKey(connection, RecordKind.ArticleStock, variant.Number), cancellationToken).ConfigureAwait(false);
        return entry is { Status: JournalStatus.Failed or JournalStatus.Warning };
    }

    /// <summary>Turns selected article numbers into the articles to queue: matrix products with their variants, each once.</summary>
    private async ValueTask<Expansion> ExpandAsync(IEnumerable<string> keys, Func<Article, ValueTask<bool>> includeVariant, CancellationToken cancellationToken)
    {
        var expansion = new Expansion();
        foreach (var key in keys)
        {
            var article = await _catalog.FindAsync(key, cancellationToken).ConfigureAwait(false);
            if (article is null)
            {
                expansion.Rejected.Add(new QueueRejection(key, $"the ERP has no article {key}"));
            }
            else if (article.Kind != ArticleKind.MatrixParent)
            {
                expansion.Add(article);
            }
            else if (!expansion.Articles.ContainsKey(article.Number))
            {
                var variants = await _catalog.GetVariantsAsync(article.Number, cancellationToken).ConfigureAwait(false);
                var added = 0;
                foreach (var variant in variants)
                {
                    if (await includeVariant(variant).ConfigureAwait(false) && expansion.Add(variant))
                    {
                        added++;
                    }
                }

                // The parent's entry sums up its variants, so it is queued only when one of them is.
                if (added > 0 || variants.Any(v => expansion.Articles.ContainsKey(v.Number)))
                {
                    expansion.AddParent(article);
                }
                else
                {
                    expansion.Rejected.Add(new QueueRejection(key, $"matrix product {key} has no variant to sync"));
                }
            }
        }

        return expansion;
    }

    private async ValueTask<QueueResult> QueueAsync(ConnectionId connection, Expansion expansion, string message, CancellationToken cancellationToken)
    {
        // Called even with nothing to queue, so that a refused action is reported as refused.
        return await _queue.QueueAsync(
            connection,
            WorkKind.StockSync,
            RecordKind.ArticleStock,
            expansion.Articles.Keys,
            message,
            cancellationToken,
            entry => StockBatchSender.WithArticle(entry, expansion.Articles.GetValueOrDefault(entry.Key.RecordKey)),
            expansion.Rejected).ConfigureAwait(false);
    }

    /// <summary>The articles to queue, in selection order and each once, and the input that cannot be queued.</summary>
    private sealed class Expansion
    {
        // Dictionary enumerates in insertion order while nothing is removed, which keeps the queue in selection order.
        public Dictionary<string, Article> Articles { get; } = new(StringComparer.Ordinal);

        public List<QueueRejection> Rejected { get; } = [];

        private HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public bool Add(Article article)
        {
            if (!Seen.Add(article.Number))
            {
                return false;
            }

            if (!article.StockSyncEnabled)
            {
                Rejected.Add(new QueueRejection(article.Number, $"stock sync is switched off for article {article.Number}"));
                return false;
            }

            Articles.Add(article.Number, article);
            return true;
        }

        public void AddParent(Article parent)
        {
            Seen.Add(parent.Number);
            Articles.TryAdd(parent.Number, parent);
        }
    }
}
