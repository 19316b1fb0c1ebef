using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>Binds an entry's key to the parameters the journal's statements share (its values: <see cref="JournalEntryValues"/>).</summary>
internal static class JournalParameters
{
    /// <summary>Binds <c>$connection</c>, <c>$kind</c> and <c>$key</c>.</summary>
    public static SqliteCommand WithKey(this SqliteCommand command, JournalKey key) => command
        .With("$connection", key.Connection.Value)
        .With("$kind", (long)key.Kind)
        .With("$key", key.RecordKey);
}
