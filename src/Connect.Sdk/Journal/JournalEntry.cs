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

    /// <summary>Every status change, oldest first.</summary>
    public IReadOnlyList<JournalStatusChange> History { get; init; } = [];

    /// <summary>
    /// The store's version of the entry, for optimistic concurrency: a save succeeds only when the stored
    /// version still equals the version read. Zero for an entry not yet stored.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Returns the entry moved to a new status, with the change appended to the history.</summary>
    /// <param name="status">The new status.</param>
    /// <param name="message">Why.</param>
    /// <param name="at">When.</param>
    /// <returns>The changed entry (same <see cref="Version"/>; the store bumps it on save).</returns>
    internal JournalEntry WithStatus(JournalStatus status, string? message, Instant at) => this with
    {
        Status = status,
        Message = message,
        UpdatedAt = at,
        History = [.. History, new JournalStatusChange(at, Status, status, message)],
    };
}
