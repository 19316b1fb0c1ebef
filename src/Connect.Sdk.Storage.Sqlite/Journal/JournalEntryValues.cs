using System.Collections.Concurrent;
using System.Text;
using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The stored values of a journal entry besides its key, history lines and version, column by column, with the folded
/// search text and the summary of the folded history lines: the one list every statement that writes an entry is made
/// from (the parameter of a column is <c>$</c> and its name), so that no statement can leave a column behind.
/// </summary>
internal static class JournalEntryValues
{
    private static readonly (string Column, Func<JournalEntry, ColumnValue> Read)[] Values =
    [
        ("status", static e => (long)e.Status),
        ("message", static e => e.Message),
        ("updated_at", static e => e.UpdatedAt.ToStored()),
        ("title", static e => e.Title),
        ("article_kind", static e => (long?)e.ArticleKind),
        ("parent_article_number", static e => e.ParentArticleNumber),
        ("order_date", static e => e.OrderDate?.ToStored()),
        ("tracking", static e => (long?)e.Tracking),
        ("attempts", static e => e.Attempts),
        ("next_attempt_at", static e => e.NextAttemptAt?.ToStored()),
        ("folded_key", static e => OrdinalIgnoreCaseFolding.Fold(e.Key.RecordKey)),
        ("folded_title", static e => OrdinalIgnoreCaseFolding.FoldOrNull(e.Title)),
        ("folded_message", static e => OrdinalIgnoreCaseFolding.FoldOrNull(e.Message)),
        ("earlier_lines", static e => e.EarlierHistory?.Lines ?? 0),
        ("earlier_changes", static e => e.EarlierHistory?.Changes),
        ("earlier_failures", static e => e.EarlierHistory?.Failures),
        ("earlier_failures_in_a_row", static e => e.EarlierHistory?.FailuresInARow),
        ("earlier_from", static e => e.EarlierHistory?.From.ToStored()),
        ("earlier_to", static e => e.EarlierHistory?.To.ToStored()),
        ("earlier_first_status", static e => (long?)e.EarlierHistory?.FirstStatus),
        ("earlier_first_message", static e => e.EarlierHistory?.FirstMessage),
    ];

    private static readonly ConcurrentDictionary<int, string> UpdateRowsSqls = new();

    /// <summary>The columns, comma-separated.</summary>
    public static string Columns { get; } = string.Join(", ", Values.Select(value => value.Column));

    /// <summary>Their parameters (<c>$column</c>), comma-separated, in the order of <see cref="Columns"/>.</summary>
    public static string Parameters { get; } = string.Join(", ", Values.Select(value => "$" + value.Column));

    /// <summary>Binds the values of an entry to the parameters of <see cref="Parameters"/>.</summary>
    public static SqliteCommand WithValues(this SqliteCommand command, JournalEntry entry)
    {
        foreach (var (column, read) in Values)
        {
            command.With("$" + column, read(entry).ToParameterValue());
        }

        return command;
    }

    /// <summary>
    /// One statement that updates <paramref name="rows"/> entries, each by row id and only at its expected version, and
    /// returns the row ids it updated, with every value bound as a parameter of its own (<see cref="BindRow"/>, from
    /// parameter 1 on): SQLite reads a bound value as it is, where a JSON array of the batch cost a walk along the array
    /// for every value of every row.
    /// </summary>
    /// <remarks>Made once per number of rows (a chunk's at most), since a single entry's save needs the one-row statement each time.</remarks>
    public static string UpdateRowsSql(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return UpdateRowsSqls.GetOrAdd(rows, MakeUpdateRowsSql);
    }

    private static string MakeUpdateRowsSql(int rows)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", Values.Length + 2))})";
        return new StringBuilder()
            .Append("WITH b (id, expected, ").Append(Columns).Append(") AS (VALUES ")
            .AppendJoin(", ", Enumerable.Repeat(row, rows))
            .Append(") UPDATE journal_entries SET ")
            .AppendJoin(", ", Values.Select(value => $"{value.Column} = b.{value.Column}"))
            .Append(", version = version + 1 FROM b WHERE journal_entries.id = b.id AND journal_entries.version = b.expected RETURNING journal_entries.id;")
            .ToString();
    }

    /// <summary>Binds one row of <see cref="UpdateRowsSql"/>: the entry's row id, its expected version and its values.</summary>
    /// <returns>The index of the next row's first parameter.</returns>
    public static int BindRow(SqliteStatement statement, int index, long id, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(statement);
        statement.Bind(index++, id);
        statement.Bind(index++, entry.Version);
        foreach (var (_, read) in Values)
        {
            var value = read(entry);
            if (value.Text is { } text)
            {
                statement.Bind(index++, text);
            }
            else
            {
                statement.Bind(index++, value.Number);
            }
        }

        return index;
    }
}
