using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>A prepared statement that writes history lines (<c>$id</c>, <c>$seq</c> and the line's values), bound afresh per line.</summary>
internal sealed class HistoryLineCommand
{
    private readonly SqliteParameter _id;
    private readonly SqliteParameter _seq;
    private readonly SqliteParameter _at;
    private readonly SqliteParameter _from;
    private readonly SqliteParameter _to;
    private readonly SqliteParameter _message;
    private readonly SqliteParameter _repeats;
    private readonly SqliteParameter _last;

    private HistoryLineCommand(SqliteCommand command)
    {
        Command = command;
        _id = command.Parameters.Add("$id", SqliteType.Integer);
        _seq = command.Parameters.Add("$seq", SqliteType.Integer);
        _at = command.Parameters.Add("$at", SqliteType.Integer);
        _from = command.Parameters.Add("$from", SqliteType.Integer);
        _to = command.Parameters.Add("$to", SqliteType.Integer);
        _message = command.Parameters.Add("$message", SqliteType.Text);
        _repeats = command.Parameters.Add("$repeats", SqliteType.Integer);
        _last = command.Parameters.Add("$last", SqliteType.Integer);
    }

    /// <summary>The statement, which the owner disposes.</summary>
    public SqliteCommand Command { get; }

    /// <summary>Prepares a statement of history lines.</summary>
    public static async Task<HistoryLineCommand> PrepareAsync(SqliteConnection db, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var line = new HistoryLineCommand(db.Command(transaction, sql));
        await line.Command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return line;
    }

    /// <summary>Writes lines <paramref name="from"/> to <paramref name="to"/> − 1 of a history whose first line is stored at <paramref name="firstSeq"/>.</summary>
    public async Task WriteAsync(long entryId, IReadOnlyList<JournalStatusChange> history, int firstSeq, int from, int to, CancellationToken cancellationToken)
    {
        _id.Value = entryId;
        for (var i = from; i < to; i++)
        {
            var change = history[i];
            _seq.Value = firstSeq + i;
            _at.Value = change.At.ToStored();
            _from.Value = (long)change.From;
            _to.Value = (long)change.To;
            _message.Value = (object?)change.Message ?? DBNull.Value;
            _repeats.Value = change.Repeats;
            _last.Value = (object?)change.LastRepeatedAt?.ToStored() ?? DBNull.Value;
            await Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
