using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;

namespace Connect.Sdk.ArticleSync;

/// <summary>
/// What users and the ERP ask of stock sync and price sync alike: queue selected articles of the feature's journal tab
/// (a matrix product brings its variants, nothing is queued twice), queue failed and warned ones again, and request a
/// delta run on every connection that may run it after a change in the ERP.
/// </summary>
/// <param name="connections">The connections.</param>
/// <param name="journal">The journal.</param>
/// <param name="queue">The manual queue.</param>
/// <param name="catalog">The ERP's articles.</param>
/// <param name="work">The feature's delta work (<see cref="WorkKind.StockSync"/>, <see cref="WorkKind.PriceSync"/>).</param>
/// <param name="kind">The feature's journal tab.</param>
/// <param name="switchedOff">Why an article with its stock-sync switch off cannot be queued.</param>
internal sealed class ArticleSyncRequests(
    IConnectionStore connections,
    SyncJournal journal,
    ManualWorkQueue queue,
    IArticleCatalog catalog,
    WorkKind work,
    RecordKind kind,
    Func<string, string> switchedOff)
{
    public async ValueTask<QueueResult> SyncArticlesAsync(ConnectionId connection, JournalSelection selection, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var keys = await journal.ResolveAsync(connection, kind, selection, cancellationToken).ConfigureAwait(false);
        var expansion = await ExpandAsync(keys, _ => ValueTask.FromResult(true), cancellationToken).ConfigureAwait(false);
        return await QueueAsync(connection, expansion, message, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<QueueResult> RetryAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var keys = await journal.ResolveAsync(connection, kind, selection, cancellationToken).ConfigureAwait(false);
        var retryable = new List<string>(keys.Count);
        var rejected = new List<QueueRejection>();
        foreach (var key in keys)
        {
            var entry = await journal.GetAsync(new JournalKey(connection, kind, key), cancellationToken).ConfigureAwait(false);
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
    /// After the ERP reported changed articles: requests the delta work at once on every connection the allowed-actions
    /// table lets run it on an event; nothing when no article changed.
    /// </summary>
    public async ValueTask<IReadOnlyList<ConnectionId>> NotifyChangedAsync(IReadOnlyCollection<string> articleNumbers, Action<int, int> logRequested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        if (articleNumbers.Count == 0)
        {
            return [];
        }

        var requested = await RequestDeltaAsync(cancellationToken).ConfigureAwait(false);
        logRequested(articleNumbers.Count, requested.Count);
        return requested;
    }

    /// <summary>Saves a connection's rules when they have no problems (the feature's rules type validates itself).</summary>
    /// <returns>The problems that kept the rules from being saved; empty when they were saved.</returns>
    public static async ValueTask<IReadOnlyList<string>> SaveRulesAsync(IReadOnlyList<string> problems, Func<ValueTask> save, Action logChanged)
    {
        if (problems.Count > 0)
        {
            return problems;
        }

        await save().ConfigureAwait(false);
        logChanged();
        return [];
    }

    private async ValueTask<IReadOnlyList<ConnectionId>> RequestDeltaAsync(CancellationToken cancellationToken)
    {
        var requested = new List<ConnectionId>();
        await foreach (var connection in connections.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            // A request the allowed-actions table refuses would wait in the schedule and fire, stale, much later.
            if (AllowedActions.Decide(connection, work.Feature(), SyncTrigger.Event).IsAllowed)
            {
                await queue.RequestAsync(connection.Id, work, SyncTrigger.Event, cancellationToken).ConfigureAwait(false);
                requested.Add(connection.Id);
            }
        }

        return requested;
    }

    private async ValueTask<bool> NeedsRetryAsync(ConnectionId connection, Article variant, CancellationToken cancellationToken)
    {
        var entry = await journal.GetAsync(new JournalKey(connection, kind, variant.Number), cancellationToken).ConfigureAwait(false);
        return entry is { Status: JournalStatus.Failed or JournalStatus.Warning };
    }

    /// <summary>Turns selected article numbers into the articles to queue: matrix products with their variants, each once.</summary>
    private async ValueTask<Expansion> ExpandAsync(IEnumerable<string> keys, Func<Article, ValueTask<bool>> includeVariant, CancellationToken cancellationToken)
    {
        var expansion = new Expansion(switchedOff);
        foreach (var key in keys)
        {
            var article = await catalog.FindAsync(key, cancellationToken).ConfigureAwait(false);
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
                var variants = await catalog.GetVariantsAsync(article.Number, cancellationToken).ConfigureAwait(false);
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
        return await queue.QueueAsync(
            connection,
            work,
            kind,
            expansion.Articles.Keys,
            message,
            cancellationToken,
            entry => ArticleEntry.WithArticle(entry, expansion.Articles.GetValueOrDefault(entry.Key.RecordKey)),
            expansion.Rejected).ConfigureAwait(false);
    }

    /// <summary>The articles to queue, in selection order and each once, and the input that cannot be queued.</summary>
    private sealed class Expansion(Func<string, string> switchedOff)
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
                Rejected.Add(new QueueRejection(article.Number, switchedOff(article.Number)));
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
