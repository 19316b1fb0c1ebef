using Connect.Sdk.Articles;
using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// What the user sees of one record: its current status, the message that says why, and the history of
/// every status change.
/// </summary>
public sealed record JournalEntry
{
    /// <summary>The entry's identity.</summary>
    public required JournalKey Key { get; init; }

    /// <summary>The current status.</summary>
    public JournalStatus Status { get; init; } = JournalStatus.NotSynced;

    /// <summary>The message of the current status, if any.</summary>
    public string? Message { get; init; }

    /// <summary>When the status last changed.</summary>
    public required Instant UpdatedAt { get; init; }

    /// <summary>What users recognise the record by besides its key: the article name, the buyer's name.</summary>
    public string? Title { get; init; }

    /// <summary>For stock entries: the article's kind, for the article-type filter.</summary>
    public ArticleKind? ArticleKind { get; init; }

    /// <summary>For stock entries of variants: the matrix parent's article number.</summary>
    public string? ParentArticleNumber { get; init; }

    /// <summary>For order and order-status entries: when the buyer placed the order, for the order-date filter.</summary>
    public Instant? OrderDate { get; init; }

    /// <summary>For order-status entries: where the order's tracking stands, for the tracking filter.</summary>
    public TrackingExportState? Tracking { get; init; }

    /// <summary>How many times the record has been run (started), including retries.</summary>
    public int Attempts { get; init; }

    /// <summary>Every status change, oldest first; identical repeats are counted on one line (<see cref="JournalStatusChange.Repeats"/>).</summary>
    public IReadOnlyList<JournalStatusChange> History { get; init; } = [];

    /// <summary>
    /// The oldest lines of a long history, folded into one summary once the history grew past the journal's bound
    /// (<c>ConnectSdkOptions.JournalHistoryLines</c>); <see cref="History"/> holds the newest lines after it.
    /// <see langword="null"/> while nothing was folded.
    /// </summary>
    public JournalHistorySummary? EarlierHistory { get; init; }

    /// <summary>
    /// How many kept history lines before <see cref="History"/> the entry was read without. Only an entry read to change it
    /// (<see cref="IJournalStore.GetManyToChangeAsync"/>) may leave lines out, and only lines that neither the repeat
    /// counting of a status change nor <see cref="ConsecutiveFailures"/> looks at; a save of it keeps them as stored.
    /// Zero for every entry a journal page, <see cref="IJournalStore.GetAsync"/> or <see cref="IJournalStore.GetManyAsync"/> returns.
    /// </summary>
    public int HistoryLinesNotRead { get; init; }

    /// <summary>How many history lines the entry has had, the folded ones included: the number of its latest line.</summary>
    public int HistoryLineCount => (EarlierHistory?.Lines ?? 0) + HistoryLinesNotRead + History.Count;

    /// <summary>
    /// For a failed record that automatic runs retry: the earliest instant the next one tries it again ("next try
    /// at …", also at the end of <see cref="Message"/>). Retries of a record that keeps failing back off
    /// exponentially up to a cap; a user's retry from the journal does not wait. <see langword="null"/> otherwise.
    /// </summary>
    public Instant? NextAttemptAt { get; init; }

    /// <summary>
    /// How many times in a row the record has failed, repeats included, counted back from the latest change; zero
    /// when its status is not <see cref="JournalStatus.Failed"/>. A user's action in between (queued from the
    /// journal) starts the count again. Failures in a row that reach into the folded lines are counted there too
    /// (<see cref="JournalHistorySummary.FailuresInARow"/>).
    /// </summary>
    public int ConsecutiveFailures
    {
        get
        {
            if (Status != JournalStatus.Failed)
            {
                return 0;
            }

            var failures = 0;
            var i = History.Count - 1;
            for (; i >= 0 && History[i].To is JournalStatus.Failed or JournalStatus.Running; i--)
            {
                failures += History[i].To == JournalStatus.Failed ? History[i].Repeats + 1 : 0;
            }

            // Every kept line belongs to the failures in a row: the count goes on in the folded lines. (An entry read
            // without its oldest kept lines has the line that ends the failures among those it has.)
            failures += i < 0 && HistoryLinesNotRead == 0 ? EarlierHistory?.FailuresInARow ?? 0 : 0;
            return Math.Max(failures, 1);
        }
    }

    /// <summary>When the entry reached its current status: the first time, for a status repeated run after run.</summary>
    public Instant ReachedAt => History.Count > 0 && History[^1].To == Status ? History[^1].At : UpdatedAt;

    /// <summary>
    /// The store's version of the entry, for optimistic concurrency: a save succeeds only when the stored
    /// version still equals the version read. Zero for an entry not yet stored.
    /// </summary>
    public long Version { get; init; }

    /// <summary>
    /// Returns the entry moved to a new status, with the change appended to the history. A change that repeats the
    /// latest one — the same status and message again, straight away or at the end of a run that started from it —
    /// is counted on the latest line instead, and that run's <see cref="JournalStatus.Running"/> line goes.
    /// </summary>
    /// <param name="status">The new status.</param>
    /// <param name="message">Why.</param>
    /// <param name="at">When.</param>
    /// <returns>The changed entry (same <see cref="Version"/>; the store bumps it on save), without a next attempt.</returns>
    internal JournalEntry WithStatus(JournalStatus status, string? message, Instant at)
    {
        var n = History.Count;
        var repeatOf = status == JournalStatus.Running ? -1
            : Status == status && n >= 1 && History[n - 1].EndsIn(status, message) ? n - 1
            : Status == JournalStatus.Running && n >= 2 && History[n - 1].From == status && History[n - 2].EndsIn(status, message) ? n - 2
            : -1;
        return this with
        {
            Status = status,
            Message = message,
            UpdatedAt = at,
            NextAttemptAt = null,
            History = repeatOf < 0
                ? [.. History, new JournalStatusChange(at, Status, status, message)]
                : [.. History.Take(repeatOf), History[repeatOf].RepeatedAt(at)],
        };
    }
}
