using Connect.Sdk.Articles;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The columns of <c>journal_entries</c> a read of entries selects, and the entry they make, read alike by the SQLite
/// and the PostgreSQL store (instants as Unix ticks, enums as numbers).
/// </summary>
internal static class JournalEntryColumns
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Names =
        "id, connection, kind, record_key, status, message, updated_at, title, article_kind, parent_article_number, order_date, tracking, attempts, version, next_attempt_at, "
        + EarlierHistoryColumns.Names;

    /// <summary>Reads the entry at a row, with the summary of its folded history lines but without the others; returns its row id too.</summary>
    public static (long Id, JournalEntry Entry) Read<TRow>(TRow row)
        where TRow : IStoredRow =>
        (row.Int64(0), new JournalEntry
        {
            Key = new JournalKey(new ConnectionId(row.String(1)), (RecordKind)row.Int64(2), row.String(3)),
            Status = (JournalStatus)row.Int64(4),
            Message = row.NullableString(5),
            UpdatedAt = row.Instant(6),
            Title = row.NullableString(7),
            ArticleKind = (ArticleKind?)row.NullableInt64(8),
            ParentArticleNumber = row.NullableString(9),
            OrderDate = row.NullableInstant(10),
            Tracking = (TrackingExportState?)row.NullableInt64(11),
            Attempts = row.Int32(12),
            Version = row.Int64(13),
            NextAttemptAt = row.NullableInstant(14),
            EarlierHistory = EarlierHistoryColumns.Read(row, 15),
        });
}
