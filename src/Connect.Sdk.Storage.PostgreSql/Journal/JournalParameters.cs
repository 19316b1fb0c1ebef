using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>Binds an entry's key and stored values to the parameters the journal's statements share.</summary>
internal static class JournalParameters
{
    /// <summary>Binds <c>@connection</c>, <c>@kind</c> and <c>@key</c>.</summary>
    public static NpgsqlCommand WithKey(this NpgsqlCommand command, JournalKey key) => command
        .With("connection", key.Connection.Value)
        .With("kind", (long)key.Kind)
        .With("key", JournalText.Storable(key.RecordKey));

    /// <summary>
    /// Binds every stored value of an entry besides its key, history lines and version, with the folded search text and
    /// the summary of the folded history lines. Text is bound as <see cref="JournalText.Storable"/>.
    /// </summary>
    public static NpgsqlCommand WithValues(this NpgsqlCommand command, JournalEntry entry)
    {
        var message = JournalText.Storable(entry.Message);
        var title = JournalText.Storable(entry.Title);
        var earlier = entry.EarlierHistory;
        return command
            .With("status", (long)entry.Status)
            .With("message", NpgsqlDbType.Text, message)
            .With("updated_at", entry.UpdatedAt.ToStored())
            .With("title", NpgsqlDbType.Text, title)
            .With("article_kind", NpgsqlDbType.Bigint, entry.ArticleKind is { } kind ? (long)kind : null)
            .With("parent", NpgsqlDbType.Text, JournalText.Storable(entry.ParentArticleNumber))
            .With("order_date", NpgsqlDbType.Bigint, entry.OrderDate.ToStored())
            .With("tracking", NpgsqlDbType.Bigint, entry.Tracking is { } tracking ? (long)tracking : null)
            .With("attempts", (long)entry.Attempts)
            .With("next_attempt_at", NpgsqlDbType.Bigint, entry.NextAttemptAt.ToStored())
            .With("folded_key", OrdinalIgnoreCaseFolding.Fold(JournalText.Storable(entry.Key.RecordKey)!))
            .With("folded_title", NpgsqlDbType.Text, OrdinalIgnoreCaseFolding.FoldOrNull(title))
            .With("folded_message", NpgsqlDbType.Text, OrdinalIgnoreCaseFolding.FoldOrNull(message))
            .With("earlier_lines", (long)(earlier?.Lines ?? 0))
            .With("earlier_changes", NpgsqlDbType.Bigint, (long?)earlier?.Changes)
            .With("earlier_failures", NpgsqlDbType.Bigint, (long?)earlier?.Failures)
            .With("earlier_failures_in_a_row", NpgsqlDbType.Bigint, (long?)earlier?.FailuresInARow)
            .With("earlier_from", NpgsqlDbType.Bigint, earlier?.From.ToStored())
            .With("earlier_to", NpgsqlDbType.Bigint, earlier?.To.ToStored())
            .With("earlier_first_status", NpgsqlDbType.Bigint, earlier is null ? null : (long)earlier.FirstStatus)
            .With("earlier_first_message", NpgsqlDbType.Text, JournalText.Storable(earlier?.FirstMessage));
    }
}
