using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.ArticleSync;

/// <summary>
/// What the stock and price runners do. A manual run sends the articles queued in the journal, changed or not; a
/// scheduled or event run sends the mapped articles whose value to publish changed since the last successful send
/// (the delta); a reconcile run sends every mapped article. A subclass reads the values (stock levels, prices) and
/// computes what to send with the connection's rules.
/// </summary>
/// <typeparam name="TSend">The stock or price send.</typeparam>
internal abstract class ArticleSyncWork<TSend>(
    MappedArticleCandidates mapped,
    ManualWorkQueue queue,
    SyncJournal journal,
    IArticleCatalog catalog,
    IForeignNumberStore foreignNumbers,
    ForeignNumberRules foreignNumberRules,
    ForeignNumberResolver resolver,
    IClock clock,
    ILogger logger)
    where TSend : IArticleSend
{
    /// <summary>The journal the run writes, also the batch sender's.</summary>
    protected SyncJournal Journal { get; } = journal;

    /// <summary>The clock of back-off and sent times, also the batch sender's.</summary>
    protected IClock Clock { get; } = clock;

    /// <summary>The log of the run, also the batch sender's.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>How many articles are read from the ERP's source and the state store at once.</summary>
    internal const int ChunkSize = 1_000;

    /// <summary>What the run's messages call the work: <c>Stock sync</c>, <c>Price sync</c>.</summary>
    protected abstract string Title { get; }

    /// <summary>Starts one run: reads the connection's rules, and makes the run's sender and the planner of its chunks.</summary>
    protected abstract ValueTask<ArticleRun<TSend>> StartAsync(WorkRun run, CancellationToken cancellationToken);

    /// <summary>Why an article with its stock-sync switch off is not sent.</summary>
    protected abstract string SwitchedOff(string articleNumber);

    public async ValueTask<WorkRunSummary> RunAsync(WorkRun run, bool reconcile, CancellationToken cancellationToken)
    {
        var articleRun = await StartAsync(run, cancellationToken).ConfigureAwait(false);
        var restricted = run.Scope == WriteScope.RestrictedMapping
            ? await foreignNumbers.GetRestrictedMappingAsync(run.Connection.Id, cancellationToken).ConfigureAwait(false)
            : null;
        if (run.Item.Trigger == SyncTrigger.Manual)
        {
            await SendQueuedAsync(run, articleRun, restricted, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendMappedAsync(run, articleRun, restricted, reconcile, cancellationToken).ConfigureAwait(false);
        }

        var sender = articleRun.Sender;
        if (sender.BrokeOff is { } reason)
        {
            Logger.RunBrokeOff(run.Item.Kind, run.Connection.Id, sender.Summary);
            throw new ConnectSdkException($"{Title} of {run.Connection.Id} stopped: {reason}.") { ConnectionId = run.Connection.Id };
        }

        return sender.Summary;
    }

    private async ValueTask SendMappedAsync(WorkRun run, ArticleRun<TSend> articleRun, RestrictedArticleMapping? restricted, bool reconcile, CancellationToken cancellationToken)
    {
        if (foreignNumberRules.Find(run.Connection.ConnectorId) is not { } scheme)
        {
            Logger.NothingToList(run.Item.Kind, run.Connection.Id, run.Connection.ConnectorId);
            return;
        }

        var sender = articleRun.Sender;
        var considered = 0;
        var unchanged = 0;
        var toSend = 0;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var chunk in mapped.ListAsync(run.Connection.Id, scheme, restricted, ChunkSize, cancellationToken).ConfigureAwait(false))
        {
            // A delta over a large catalogue can run long without sending anything; the lease must not lapse meanwhile.
            if (considered > 0)
            {
                await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
            }

            listed.UnionWith(chunk.Select(c => c.Article.Number));
            var plan = await articleRun.PlanAsync(chunk, !reconcile, cancellationToken).ConfigureAwait(false);
            considered += chunk.Count;
            unchanged += plan.Unchanged;
            toSend += plan.Sends.Count;

            await FinishUnsendableAsync(sender, plan, cancellationToken).ConfigureAwait(false);

            // A record the marketplace keeps refusing waits for its next try instead of being sent (and failing) every
            // run; the entries of the whole chunk's changes are read at once.
            var entries = await Journal.GetManyAsync(
                plan.Sends.Select(s => new JournalKey(run.Connection.Id, sender.Kind, s.ArticleNumber)).ToArray(), cancellationToken).ConfigureAwait(false);
            foreach (var send in plan.Sends)
            {
                if (sender.BrokeOff is not null)
                {
                    // The marketplace is down: the rest is left alone, and the next run's delta picks it up.
                    return;
                }

                var entry = entries.GetValueOrDefault(new JournalKey(run.Connection.Id, sender.Kind, send.ArticleNumber));
                if (RetryBackoff.IsWaiting(entry, Clock.GetCurrentInstant()))
                {
                    continue;
                }

                await sender.AddAsync(send, cancellationToken).ConfigureAwait(false);
            }
        }

        await sender.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (reconcile || await ListsMoreThanAsync(run.Connection.Id, sender.Kind, listed.Count, cancellationToken).ConfigureAwait(false))
        {
            await ExplainUnlistedAsync(run, sender, restricted, listed, cancellationToken).ConfigureAwait(false);
        }

        articleRun.Metrics.Unchanged(unchanged);
        Logger.DeltaComputed(run.Item.Kind, run.Connection.Id, considered, toSend, unchanged);
    }

    private async ValueTask SendQueuedAsync(WorkRun run, ArticleRun<TSend> articleRun, RestrictedArticleMapping? restricted, CancellationToken cancellationToken)
    {
        var sender = articleRun.Sender;
        var keys = await queue.QueuedKeysAsync(run.Connection.Id, sender.Kind, cancellationToken).ConfigureAwait(false);
        var parents = new List<Article>();
        foreach (var chunk in keys.Chunk(ChunkSize))
        {
            var candidates = new List<MappedArticle>(chunk.Length);
            foreach (var key in chunk)
            {
                var article = await catalog.FindAsync(key, cancellationToken).ConfigureAwait(false);
                if (article is { Kind: ArticleKind.MatrixParent })
                {
                    // Not sent itself: its entry sums up its variants once they are through.
                    parents.Add(article);
                }
                else if (await ResolveAsync(run, sender, restricted, key, article, onlyIfChanged: false, cancellationToken).ConfigureAwait(false) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }

            if (candidates.Count == 0)
            {
                continue;
            }

            var plan = await articleRun.PlanAsync(candidates, false, cancellationToken).ConfigureAwait(false);
            await FinishUnsendableAsync(sender, plan, cancellationToken).ConfigureAwait(false);
            foreach (var send in plan.Sends)
            {
                await sender.AddAsync(send, cancellationToken).ConfigureAwait(false);
            }
        }

        await sender.FlushAsync(cancellationToken).ConfigureAwait(false);
        foreach (var parent in parents)
        {
            await FinishParentAsync(sender, parent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Journals why articles the journal lists are not in this scheduled run — stock sync switched off, no foreign
    /// number (any more) for the connection, no such article in the ERP — so that every reason shows after a
    /// scheduled run as after a manual one. A reason already shown is left as it is.
    /// </summary>
    private async ValueTask ExplainUnlistedAsync(WorkRun run, ArticleBatchSender<TSend> sender, RestrictedArticleMapping? restricted, HashSet<string> listed, CancellationToken cancellationToken)
    {
        var unlisted = new List<string>();
        await foreach (var key in Journal.ListKeysAsync(new JournalQuery(run.Connection.Id, sender.Kind), cancellationToken).ConfigureAwait(false))
        {
            if (!listed.Contains(key.RecordKey))
            {
                unlisted.Add(key.RecordKey);
            }
        }

        foreach (var key in unlisted)
        {
            var article = await catalog.FindAsync(key, cancellationToken).ConfigureAwait(false);

            // Matrix parents carry no value of their own, and outside the restricted mapping a scheduled run has nothing to say.
            if (article is { Kind: ArticleKind.MatrixParent } || (article is not null && restricted is not null && !restricted.Allows(article)))
            {
                continue;
            }

            await ResolveAsync(run, sender, restricted, key, article, onlyIfChanged: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the article tab holds more entries than the run listed articles, so that some entry must be an article
    /// the run left out. When every mapped article has its entry (they get one when mapped), equal counts mean there is
    /// nothing to explain, and a scheduled run on 10,000 articles skips reading 10,000 journal keys every five
    /// minutes; the tab's count comes from the store's tallies. A reconcile run always looks.
    /// </summary>
    private async ValueTask<bool> ListsMoreThanAsync(ConnectionId connection, RecordKind kind, int listed, CancellationToken cancellationToken)
    {
        var tab = await Journal.QueryAsync(new JournalQuery(connection, kind), 0, 1, cancellationToken).ConfigureAwait(false);
        return tab.TotalCount > listed;
    }

    /// <summary>Finds the foreign number an article goes out under, or journals why it is not sent.</summary>
    private async ValueTask<MappedArticle?> ResolveAsync(
        WorkRun run, ArticleBatchSender<TSend> sender, RestrictedArticleMapping? restricted, string key, Article? article, bool onlyIfChanged, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        if (article is null)
        {
            await sender.FinishAsync(key, null, JournalStatus.Failed, $"the ERP has no article {key}", cancellationToken, onlyIfChanged).ConfigureAwait(false);
            return null;
        }

        if (!article.StockSyncEnabled)
        {
            await sender.FinishAsync(key, article, JournalStatus.NotSynced, SwitchedOff(key), cancellationToken, onlyIfChanged).ConfigureAwait(false);
            return null;
        }

        if (restricted is not null && !restricted.Allows(article))
        {
            await sender.FinishAsync(key, article, JournalStatus.NotSynced, $"test phase: article {key} is not in the restricted article mapping of connection {connection}, so its {sender.Noun} is not sent", cancellationToken, onlyIfChanged).ConfigureAwait(false);
            return null;
        }

        var resolution = await resolver.FindForeignNumbersAsync(connection, run.Connection.ConnectorId, key, cancellationToken).ConfigureAwait(false);
        var scheme = foreignNumberRules.Find(run.Connection.ConnectorId);
        var foreignNumber = resolution.IsMapped && scheme is not null
            ? (scheme.IsIdentity ? resolution.ForeignNumbers[0] : MappedArticleCandidates.Pick(scheme, article, resolution.ForeignNumbers))
            : null;
        if (foreignNumber is not { } picked)
        {
            await sender.FinishAsync(key, article, JournalStatus.Failed, resolution.Message ?? $"article {key} has no foreign number on connection {connection}", cancellationToken, onlyIfChanged).ConfigureAwait(false);
            return null;
        }

        return new MappedArticle(article, picked);
    }

    private static async ValueTask FinishUnsendableAsync(ArticleBatchSender<TSend> sender, ArticleChunkPlan<TSend> plan, CancellationToken cancellationToken)
    {
        // Unchanged when reported before, so a scheduled run does not add a history line every few minutes.
        await sender.FinishManyAsync(
            plan.Unsendable.Select(u => new ArticleOutcome(u.Article.Article.Number, u.Article.Article, JournalStatus.Failed, u.Reason, OnlyIfChanged: true)).ToArray(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A matrix parent has no stock or price of its own on the marketplace: its entry sums up what happened to its variants in this run.</summary>
    private async ValueTask FinishParentAsync(ArticleBatchSender<TSend> sender, Article parent, CancellationToken cancellationToken)
    {
        var variants = await catalog.GetVariantsAsync(parent.Number, cancellationToken).ConfigureAwait(false);
        var outcomes = variants.Select(v => (v.Number, Status: sender.OutcomeOf(v.Number))).Where(o => o.Status is not null).ToArray();
        var failed = outcomes.Where(o => o.Status == JournalStatus.Failed).Select(o => o.Number).ToArray();
        var warned = outcomes.Count(o => o.Status == JournalStatus.Warning);
        var sent = outcomes.Count(o => o.Status is JournalStatus.Succeeded or JournalStatus.Warning);
        var notSent = outcomes.Length - sent - failed.Length;
        var (status, message) = (failed.Length, warned, sent) switch
        {
            ( > 0, _, _) => (JournalStatus.Failed, $"matrix product: {failed.Length} of {variants.Count} variants failed ({string.Join(", ", failed)}), {sent} sent"),
            (_, > 0, _) => (JournalStatus.Warning, $"matrix product: {sent} of {variants.Count} variants sent, {warned} with a warning"),
            (_, _, > 0) => (JournalStatus.Succeeded, $"matrix product: {sent} of {variants.Count} variants sent{(notSent > 0 ? $", {notSent} not sent (see their entries)" : string.Empty)}"),
            _ when variants.Count == 0 => (JournalStatus.NotSynced, $"matrix product {parent.Number} has no variants, so there is no {sender.Noun} to send"),
            _ => (JournalStatus.NotSynced, $"matrix product: none of its {variants.Count} variants was sent (see their entries)"),
        };
        await sender.FinishAsync(parent.Number, parent, status, message, cancellationToken).ConfigureAwait(false);
    }
}
