using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// A prepared statement that writes history lines (<c>$id</c>, <c>$seq</c> and the line's values), bound afresh per line
/// and stepped by SQLite itself (<see cref="SqliteStatement"/>): a batch writes two thousand lines or more, and a command
/// run per line cost more than the line's own write.
/// </summary>
internal sealed class HistoryLineCommand : IDisposable
{
    private readonly SqliteStatement _statement;
    private readonly int _id;
    private readonly int _seq;
    private readonly int _at;
    private readonly int _from;
    private readonly int _to;
    private readonly int _message;
    private readonly int _repeats;
    private readonly int _last;

    private HistoryLineCommand(SqliteStatement statement)
    {
        _statement = statement;
        _id = statement.ParameterIndex("$id");
        _seq = statement.ParameterIndex("$seq");
        _at = statement.ParameterIndex("$at");
        _from = statement.ParameterIndex("$from");
        _to = statement.ParameterIndex("$to");
        _message = statement.ParameterIndex("$message");
        _repeats = statement.ParameterIndex("$repeats");
        _last = statement.ParameterIndex("$last");
    }

    /// <summary>Prepares a statement of history lines on a connection, which runs it in its open transaction.</summary>
    public static HistoryLineCommand Prepare(SqliteConnection db, string sql)
    {
        var statement = SqliteStatement.Prepare(db, sql);
        try
        {
            return new HistoryLineCommand(statement);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>Writes lines <paramref name="from"/> to <paramref name="to"/> − 1 of a history whose first line is stored at <paramref name="firstSeq"/>.</summary>
    public void Write(long entryId, IReadOnlyList<JournalStatusChange> history, int firstSeq, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var change = history[i];
            _statement.Bind(_id, entryId);
            _statement.Bind(_seq, firstSeq + i);
            _statement.Bind(_at, change.At.ToStored());
            _statement.Bind(_from, (long)change.From);
            _statement.Bind(_to, (long)change.To);
            _statement.Bind(_message, change.Message);
            _statement.Bind(_repeats, change.Repeats);
            _statement.Bind(_last, change.LastRepeatedAt?.ToStored());
            _statement.Execute();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();
}
