using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.ArticleSync;

/// <summary>
/// The sending half of one stock or price run: collects the values to publish, sends them in batches of the
/// connector's largest batch, journals every article's outcome (Running before the call, then the result) and records
/// the values the marketplace accepted. Under <see cref="WriteScope.Suppressed"/> (Demo) it sends nothing and journals
/// why instead. A subclass says what is sent (stock, price), how and where the accepted values are kept.
/// </summary>
/// <remarks>One instance per run; not thread-safe.</remarks>
/// <typeparam name="TSend">The stock or price send.</typeparam>
internal abstract class ArticleBatchSender<TSend>(WorkRun run, SyncJournal journal, IClock clock, ILogger logger, int maxBatchSize)
    where TSend : IArticleSend
{
    /// <summary>After this many batches in a row whose call threw, the marketplace is taken to be down and the run breaks off.</summary>
    public const int MaxConsecutiveBatchFailures = 3;

    private readonly List<TSend> _pending = [];
    private readonly Dictionary<string, JournalStatus> _outcomes = new(StringComparer.Ordinal);
    private readonly int _batchSize = Math.Max(1, maxBatchSize);
    private int _consecutiveFailures;
    private int _batchesAnswered;
    private int _succeeded;
    private int _warnings;
    private int _failed;
    private int _skipped;

    /// <summary>Why the run broke off, once it has; later updates are journaled as failed without a call.</summary>
    public string? BrokeOff { get; private set; }

    public WorkRunSummary Summary => new(_succeeded, _warnings, _failed, _skipped);

    public ConnectionId Connection => run.Connection.Id;

    /// <summary>The journal tab of the articles (stock, prices).</summary>
    public abstract RecordKind Kind { get; }

    /// <summary>What is sent, as the journal's sentences name it: <c>stock</c>, <c>price</c>.</summary>
    public abstract string Noun { get; }

    protected abstract ArticleSyncMetrics Metrics { get; }

    /// <summary>The status this run gave an article, for the roll-up of matrix parents.</summary>
    public JournalStatus? OutcomeOf(string articleNumber) => _outcomes.TryGetValue(articleNumber, out var status) ? status : null;

    public async ValueTask AddAsync(TSend send, CancellationToken cancellationToken)
    {
        if (run.Scope == WriteScope.Suppressed)
        {
            Metrics.Suppressed(1);

            // Unchanged when the same value was suppressed before, so a Demo connection's scheduled runs do not rewrite every entry.
            await FinishAsync(
                send.ArticleNumber,
                send.Article,
                JournalStatus.NotSynced,
                $"Demo import mode: {Noun} {send.Value} not sent, nothing is changed on the marketplace ({send.Explanation})",
                cancellationToken,
                onlyIfChanged: true).ConfigureAwait(false);
            return;
        }

        if (BrokeOff is not null)
        {
            await FinishAsync(send.ArticleNumber, send.Article, JournalStatus.Failed, $"{Noun} {send.Value} not sent: {BrokeOff}", cancellationToken).ConfigureAwait(false);
            return;
        }

        _pending.Add(send);
        if (_pending.Count >= _batchSize)
        {
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Moves an article's entry to its final status for this run and counts it. With <c>onlyIfChanged</c> the
    /// entry is left alone when it already has this status and message, so a repeat does not even touch it. With
    /// <c>backOff</c> (the marketplace refused or failed) the entry says when automatic runs try it again.
    /// </summary>
    public async ValueTask FinishAsync(
        string articleNumber,
        Article? article,
        JournalStatus status,
        string message,
        CancellationToken cancellationToken,
        bool onlyIfChanged = false,
        bool backOff = false)
    {
        var outcome = new ArticleOutcome(articleNumber, article, status, message, onlyIfChanged, backOff);
        Count(outcome);
        await journal.UpdateAsync(KeyOf(articleNumber), outcome.Change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves many articles' entries to their final status for this run and counts them, as <see cref="FinishAsync"/>
    /// does one by one, with one journal write per thousand articles.
    /// </summary>
    public ValueTask FinishManyAsync(IReadOnlyList<ArticleOutcome> outcomes, CancellationToken cancellationToken) =>
        FinishManyAsync(outcomes, started: null, cancellationToken);

    // started: the entries as the batch's Running change saved them, so that its outcome is journaled without reading them
    // again (an entry changed since is read and changed again on its own).
    private async ValueTask FinishManyAsync(IReadOnlyList<ArticleOutcome> outcomes, IReadOnlyDictionary<JournalKey, JournalEntry>? started, CancellationToken cancellationToken)
    {
        foreach (var outcome in outcomes)
        {
            Count(outcome);
        }

        await journal.ChangeManyAsync(outcomes.Select(o => new JournalChange(KeyOf(o.ArticleNumber), o.Change)).ToArray(), started, createMissing: true, cancellationToken).ConfigureAwait(false);
    }

    private void Count(ArticleOutcome outcome)
    {
        _outcomes[outcome.ArticleNumber] = outcome.Status;
        switch (outcome.Status)
        {
            case JournalStatus.Succeeded: _succeeded++; break;
            case JournalStatus.Warning: _warnings++; break;
            case JournalStatus.Failed: _failed++; break;
            default: _skipped++; break;
        }
    }

    private JournalKey KeyOf(string articleNumber) => new(run.Connection.Id, Kind, articleNumber);

    /// <summary>Makes the connector's call for one batch.</summary>
    protected abstract ValueTask<BatchResult> PushAsync(IReadOnlyList<TSend> batch, CancellationToken cancellationToken);

    /// <summary>Records the values the marketplace accepted, so that the next delta leaves them alone.</summary>
    protected abstract ValueTask SaveAcceptedAsync(IReadOnlyList<TSend> accepted, Instant at, CancellationToken cancellationToken);

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        var batch = _pending.ToArray();
        _pending.Clear();
        await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
        var started = await journal.ChangeManyAsync(
            batch.Select(send => new JournalChange(
                KeyOf(send.ArticleNumber),
                SyncJournal.StatusChange(JournalStatus.Running, $"sending {Noun} {send.Value}", e => ArticleEntry.WithArticle(e, send.Article)))).ToArray(),
            known: null,
            createMissing: true,
            cancellationToken).ConfigureAwait(false);

        BatchResult result;
        try
        {
            result = await PushAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CredentialsRefusal.In(ex))
        {
            // Not the articles' fault, and the same for every article: none is failed (and alerted) for it. They wait, and
            // the engine pauses the connection with one entry on its tab; the next run after the user's fix sends them.
            await FinishManyAsync(
                batch.Select(send => new ArticleOutcome(send.ArticleNumber, send.Article, JournalStatus.NotSynced, $"{Noun} {send.Value} not sent: {CredentialsRefusal.Waiting}")).ToArray(),
                started,
                cancellationToken).ConfigureAwait(false);

            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await BatchThrewAsync(batch, started, ex, cancellationToken).ConfigureAwait(false);
            return;
        }

        _consecutiveFailures = 0;
        Metrics.Batch(batch.Length, threw: false);
        await RecordResultsAsync(batch, started, result, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask BatchThrewAsync(TSend[] batch, IReadOnlyDictionary<JournalKey, JournalEntry> started, Exception ex, CancellationToken cancellationToken)
    {
        // The marketplace's text may echo a token, so it is redacted before the journal sees it; the log gets the type only.
        var reason = run.Redactor.Redact(ex.Message) ?? string.Empty;
        logger.BatchThrew(run.Item.Kind, run.Connection.Id, batch.Length, ex.GetType().Name);
        Metrics.Batch(batch.Length, threw: true);
        await FinishManyAsync(
            batch.Select(send => new ArticleOutcome(send.ArticleNumber, send.Article, JournalStatus.Failed, $"the call to the marketplace failed, {Noun} {send.Value} not sent: {reason}", BackOff: true)).ToArray(),
            started,
            cancellationToken).ConfigureAwait(false);

        if (++_consecutiveFailures >= MaxConsecutiveBatchFailures)
        {
            BrokeOff = $"the run broke off after {_consecutiveFailures} failed calls to the marketplace in a row (last: {reason})";
        }
    }

    private async ValueTask RecordResultsAsync(TSend[] batch, IReadOnlyDictionary<JournalKey, JournalEntry> started, BatchResult result, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, RecordResult>(StringComparer.Ordinal);
        foreach (var record in result.Records)
        {
            answers.TryAdd(record.RecordKey, record);
        }

        // The first answer of an automatic run refusing every article alike is about the connection, not the articles: none is
        // failed (and alerted) for it; they wait, and the engine pauses the feature's work with one entry. A user's manual run
        // shows each article's own answer instead.
        if (_batchesAnswered++ == 0 && run.Item.Trigger != SyncTrigger.Manual && UniformRefusal.CommonReason(batch, answers) is { } common)
        {
            var reason = run.Redactor.Redact(common) ?? common;
            await FinishManyAsync(
                batch.Select(send => new ArticleOutcome(send.ArticleNumber, send.Article, JournalStatus.NotSynced, $"{Noun} {send.Value} not sent: the marketplace refused all {batch.Length} articles of the batch with the same reason, and the {Noun} sync is paused (see the connection's journal tab)")).ToArray(),
                started,
                cancellationToken).ConfigureAwait(false);

            throw new UniformFailureException(batch.Length, reason);
        }

        var accepted = new List<TSend>(batch.Length);
        var outcomes = new List<ArticleOutcome>(batch.Length);
        foreach (var send in batch)
        {
            var (status, message) = answers.TryGetValue(send.ArticleNumber, out var answer)
                ? Describe(answer, send)
                : (JournalStatus.Failed, $"the marketplace gave no answer for this article, {Noun} {send.Value} not confirmed");
            if (status is JournalStatus.Succeeded or JournalStatus.Warning)
            {
                accepted.Add(send);
            }

            outcomes.Add(new ArticleOutcome(send.ArticleNumber, send.Article, status, message, BackOff: status == JournalStatus.Failed));
        }

        await FinishManyAsync(outcomes, started, cancellationToken).ConfigureAwait(false);

        if (accepted.Count > 0)
        {
            await SaveAcceptedAsync(accepted, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        }
    }

    private (JournalStatus Status, string Message) Describe(RecordResult answer, TSend send)
    {
        var said = run.Redactor.Redact(answer.Message);
        return answer.Outcome switch
        {
            RecordOutcome.Succeeded => (JournalStatus.Succeeded, $"sent {send.Value}: {send.Explanation}"),
            RecordOutcome.Warning => (JournalStatus.Warning, $"sent {send.Value}: {send.Explanation}; the marketplace says: {said}"),

            // Skipped on purpose by the connector (e.g. stock the marketplace manages itself): not synced, nothing wrong.
            RecordOutcome.Skipped => (JournalStatus.NotSynced, $"{Noun} {send.Value} not sent: {said ?? "the connector skipped this article"}"),
            _ => (JournalStatus.Failed, $"the marketplace rejected {Noun} {send.Value}: {said ?? "no reason given"} ({send.Explanation})"),
        };
    }
}
