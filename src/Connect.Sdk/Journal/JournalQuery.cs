using Connect.Sdk.Articles;
using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// A filter over one tab of a connection's journal: free text, status, time range, article type, order
/// date and tracking state. Empty criteria match everything. Stores translate it to their own query
/// language; <see cref="Matches"/> is the reference semantics every store must agree with.
/// </summary>
public sealed record JournalQuery
{
    /// <summary>Creates a query over one journal tab.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The tab: article stock, orders, or order status.</param>
    public JournalQuery(ConnectionId connection, RecordKind kind)
    {
        Connection = connection;
        Kind = kind;
    }

    /// <summary>The connection.</summary>
    public ConnectionId Connection { get; }

    /// <summary>The record kind (the journal tab).</summary>
    public RecordKind Kind { get; }

    /// <summary>Free text, matched case-insensitively against the record key, the title and the message.</summary>
    public string? Text { get; init; }

    /// <summary>The statuses to show; empty shows every status.</summary>
    public IReadOnlyList<JournalStatus> Statuses { get; init; } = [];

    /// <summary>Only entries whose status changed at or after this instant.</summary>
    public Instant? ChangedFrom { get; init; }

    /// <summary>Only entries whose status changed before this instant.</summary>
    public Instant? ChangedTo { get; init; }

    /// <summary>For the stock tab: which article types to show.</summary>
    public ArticleTypeFilter ArticleTypes { get; init; } = ArticleTypeFilter.All;

    /// <summary>For orders and order status: only orders placed at or after this instant.</summary>
    public Instant? OrderDateFrom { get; init; }

    /// <summary>For orders and order status: only orders placed before this instant.</summary>
    public Instant? OrderDateTo { get; init; }

    /// <summary>For order status: only entries whose tracking is in this state.</summary>
    public TrackingExportState? Tracking { get; init; }

    /// <summary>Whether an entry matches every criterion.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Key.Connection == Connection
               && entry.Key.Kind == Kind
               && (Statuses.Count == 0 || Statuses.Contains(entry.Status))
               && (ChangedFrom is not { } from || entry.UpdatedAt >= from)
               && (ChangedTo is not { } to || entry.UpdatedAt < to)
               && MatchesArticleType(entry.ArticleKind)
               && (OrderDateFrom is not { } orderFrom || entry.OrderDate >= orderFrom)
               && (OrderDateTo is not { } orderTo || entry.OrderDate < orderTo)
               && (Tracking is not { } tracking || entry.Tracking == tracking)
               && MatchesText(entry);
    }

    /// <summary>
    /// The order every store returns entries in: most recently changed first, then by record key, so that
    /// pages do not overlap or skip entries while nothing changes.
    /// </summary>
    public static IComparer<JournalEntry> Order { get; } = Comparer<JournalEntry>.Create((a, b) =>
    {
        var byTime = b.UpdatedAt.CompareTo(a.UpdatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Key.RecordKey, b.Key.RecordKey);
    });

    private bool MatchesArticleType(ArticleKind? kind) => ArticleTypes switch
    {
        ArticleTypeFilter.MatrixParentsOnly => kind == Articles.ArticleKind.MatrixParent,
        ArticleTypeFilter.NoVariants => kind != Articles.ArticleKind.Variant,
        ArticleTypeFilter.VariantsOnly => kind == Articles.ArticleKind.Variant,
        _ => true,
    };

    private bool MatchesText(JournalEntry entry)
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            return true;
        }

        var text = Text.Trim();
        return entry.Key.RecordKey.Contains(text, StringComparison.OrdinalIgnoreCase)
               || (entry.Title?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
               || (entry.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
