using Connect.Sdk.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>History lines of many entries gathered column by column, for one statement that unnests them (<c>@id</c>, <c>@seq</c> and the lines' values).</summary>
internal sealed class JournalBatchLines
{
    private readonly List<long> _ids = [];
    private readonly List<long> _seqs = [];
    private readonly List<long> _ats = [];
    private readonly List<long> _froms = [];
    private readonly List<long> _tos = [];
    private readonly List<string?> _messages = [];
    private readonly List<long> _repeats = [];
    private readonly List<long?> _lastRepeats = [];

    /// <summary>How many lines were gathered.</summary>
    public int Count => _ids.Count;

    /// <summary>Gathers lines <paramref name="from"/> to <paramref name="to"/> − 1 of an entry's history whose first line is stored at <paramref name="firstSeq"/>.</summary>
    public void Add(long entryId, IReadOnlyList<JournalStatusChange> history, int firstSeq, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var change = history[i];
            _ids.Add(entryId);
            _seqs.Add((long)firstSeq + i);
            _ats.Add(change.At.ToStored());
            _froms.Add((long)change.From);
            _tos.Add((long)change.To);
            _messages.Add(JournalText.Storable(change.Message));
            _repeats.Add(change.Repeats);
            _lastRepeats.Add(change.LastRepeatedAt?.ToStored());
        }
    }

    /// <summary>Binds the gathered lines, one array per column.</summary>
    public NpgsqlBatchCommand Bind(NpgsqlBatchCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _ids.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _seqs.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _ats.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _froms.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _tos.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _messages.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("repeats", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _repeats.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _lastRepeats.ToArray() });
        return command;
    }
}
