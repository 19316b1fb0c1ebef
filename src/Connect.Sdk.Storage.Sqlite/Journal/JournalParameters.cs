using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>Binds an entry's key and stored values to the parameters the journal's statements share.</summary>
internal static class JournalParameters
{
    /// <summary>Binds <c>$connection</c>, <c>$kind</c> and <c>$key</c>.</summary>
    public static SqliteCommand WithKey(this SqliteCommand command, JournalKey key) => command
        .With("$connection", key.Connection.Value)
        .With("$kind", (long)key.Kind)
        .With("$key", key.RecordKey);

    /// <summary>Binds every stored value of an entry besides its key, history lines and version, with the folded search text and the summary of the folded history lines.</summary>
    public static SqliteCommand WithValues(this SqliteCommand command, JournalEntry entry) => command
        .With("$status", (long)entry.Status)
        .With("$message", entry.Message)
        .With("$updated_at", entry.UpdatedAt.ToStored())
        .With("$title", entry.Title)
        .With("$article_kind", entry.ArticleKind is { } kind ? (long)kind : null)
        .With("$parent", entry.ParentArticleNumber)
        .With("$order_date", entry.OrderDate?.ToStored())
        .With("$tracking", entry.Tracking is { } tracking ? (long)tracking : null)
        .With("$attempts", entry.Attempts)
        .With("$next_attempt_at", entry.NextAttemptAt?.ToStored())
        .With("$folded_key", OrdinalIgnoreCaseFolding.Fold(entry.Key.RecordKey))
        .With("$folded_title", OrdinalIgnoreCaseFolding.FoldOrNull(entry.Title))
        .With("$folded_message", OrdinalIgnoreCaseFolding.FoldOrNull(entry.Message))
        .With("$earlier_lines", entry.EarlierHistory?.Lines ?? 0)
        .With("$earlier_changes", entry.EarlierHistory?.Changes)
        .With("$earlier_failures", entry.EarlierHistory?.Failures)
        .With("$earlier_failures_in_a_row", entry.EarlierHistory?.FailuresInARow)
        .With("$earlier_from", entry.EarlierHistory?.From.ToStored())
        .With("$earlier_to", entry.EarlierHistory?.To.ToStored())
        .With("$earlier_first_status", entry.EarlierHistory is { } earlier ? (long)earlier.FirstStatus : null)
        .With("$earlier_first_message", entry.EarlierHistory?.FirstMessage);
}
