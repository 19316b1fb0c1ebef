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
        .With("key", key.RecordKey);

    /// <summary>Binds every stored value of an entry besides its key, history and version, with the folded search text.</summary>
    public static NpgsqlCommand WithValues(this NpgsqlCommand command, JournalEntry entry) => command
        .With("status", (long)entry.Status)
        .With("message", NpgsqlDbType.Text, entry.Message)
        .With("updated_at", entry.UpdatedAt.ToStored())
        .With("title", NpgsqlDbType.Text, entry.Title)
        .With("article_kind", NpgsqlDbType.Bigint, entry.ArticleKind is { } kind ? (long)kind : null)
        .With("parent", NpgsqlDbType.Text, entry.ParentArticleNumber)
        .With("order_date", NpgsqlDbType.Bigint, entry.OrderDate.ToStored())
        .With("tracking", NpgsqlDbType.Bigint, entry.Tracking is { } tracking ? (long)tracking : null)
        .With("attempts", (long)entry.Attempts)
        .With("next_attempt_at", NpgsqlDbType.Bigint, entry.NextAttemptAt.ToStored())
        .With("folded_key", OrdinalIgnoreCaseFolding.Fold(entry.Key.RecordKey))
        .With("folded_title", NpgsqlDbType.Text, OrdinalIgnoreCaseFolding.FoldOrNull(entry.Title))
        .With("folded_message", NpgsqlDbType.Text, OrdinalIgnoreCaseFolding.FoldOrNull(entry.Message));
}
