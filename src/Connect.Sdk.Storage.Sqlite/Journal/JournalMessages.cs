using System.Text;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// Keeps <c>journal_messages</c>, the distinct folded messages whose full-text index a free-text search reads, in step
/// with the entries a write transaction changes: the messages a chunk of entries takes are added before the chunk is
/// updated, in one statement (the full-text index then writes one segment for the chunk, and nothing for a message it
/// already holds); of the messages entries gave up, those no entry holds any longer go after the entries are saved.
/// </summary>
internal sealed class JournalMessages(SqliteConnection db)
{
    // How many messages one statement names: well within SQLite's bound of 32,766 parameters.
    private const int StatementSize = 1_000;

    /// <summary>Adds the messages that are not stored yet.</summary>
    /// <param name="folded">Folded messages (<see cref="OrdinalIgnoreCaseFolding"/>), repeats allowed.</param>
    public void Add(IEnumerable<string> folded)
    {
        foreach (var part in folded.Distinct(StringComparer.Ordinal).Chunk(StatementSize))
        {
            Run($"INSERT INTO journal_messages (folded) VALUES {Rows(part.Length)} ON CONFLICT DO NOTHING;", part);
        }
    }

    /// <summary>Removes, of the messages entries gave up, those no entry holds any longer.</summary>
    /// <param name="givenUp">Folded messages entries held before their change, repeats allowed.</param>
    public void RemoveUnheld(IEnumerable<string> givenUp)
    {
        foreach (var part in givenUp.Distinct(StringComparer.Ordinal).Chunk(StatementSize))
        {
            Run(RemoveUnheldSql(part.Length), part);
        }
    }

    /// <summary>The statement that removes, of <paramref name="messages"/> messages bound in order, those no entry holds.</summary>
    public static string RemoveUnheldSql(int messages) => $"""
        DELETE FROM journal_messages
        WHERE folded IN (VALUES {Rows(messages)})
            AND NOT EXISTS (SELECT 1 FROM journal_entries WHERE folded_message = journal_messages.folded);
        """;

    private static string Rows(int count) => new StringBuilder().AppendJoin(", ", Enumerable.Repeat("(?)", count)).ToString();

    private void Run(string sql, string[] messages)
    {
        using var statement = SqliteStatement.Prepare(db, sql);
        for (var i = 0; i < messages.Length; i++)
        {
            statement.Bind(i + 1, messages[i]);
        }

        statement.Execute();
    }
}
