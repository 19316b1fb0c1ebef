using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// Saves journal entries inside one write transaction. Changed entries are saved set-wise, a single one as a batch of
/// one (<see cref="SaveManyAsync"/>): each one's stored row comes from the store's memory of what it read or saved
/// (<see cref="JournalRowMemory"/>), or else one prepared statement reads it; then per <see cref="ChunkSize"/> entries one
/// statement adds the messages they take (<see cref="JournalMessages"/>) and one updates those whose version matches, and
/// their history lines follow line by line; the messages they gave up go at the end. A new entry, and every entry of a
/// batch that names a key twice, is saved entry by entry, each kind of statement prepared once and bound afresh per entry
/// (preparing a statement costs about as much as running it). What it wrote is listed in <see cref="Written"/>, for the
/// store to remember once the transaction committed. One instance per transaction; not thread-safe.
/// </summary>
internal sealed class JournalBatchSave(SqliteConnection db, SqliteTransaction transaction, JournalRowMemory memory) : IAsyncDisposable
{
    // How many changed entries one UPDATE takes (2,300 bound values): the full-text index writes one segment per hundred
    // entries, and chunks of 250 or 1,000 took longer per entry than chunks of 100.
    private const int ChunkSize = 100;

    // ON CONFLICT DO NOTHING: a version-zero save over a stored entry inserts nothing and returns no id.
    private static readonly string InsertEntrySql = $"""
        INSERT INTO journal_entries (connection, kind, record_key, version, {JournalEntryValues.Columns})
        VALUES ($connection, $kind, $key, 1, {JournalEntryValues.Parameters})
        ON CONFLICT (connection, kind, record_key) DO NOTHING
        RETURNING id;
        """;

    private const string InsertLineSql =
        "INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message, repeats, last_repeated_at) VALUES ($id, $seq, $at, $from, $to, $message, $repeats, $last);";

    // Of the two stored lines a save rewrites, usually neither changed: a line that did not is left as it is.
    private const string RewriteLineSql = """
        UPDATE journal_history SET at = $at, from_status = $from, to_status = $to, message = $message, repeats = $repeats, last_repeated_at = $last
        WHERE entry_id = $id AND seq = $seq AND (at, from_status, to_status, message, repeats, last_repeated_at) IS NOT ($at, $from, $to, $message, $repeats, $last);
        """;

    // The stored row of a changed entry: its id, version, the seqs of its stored history rows, which start at
    // earlier_lines (the lines folded before them), and its message.
    private const string StoredRowSql = """
        SELECT id, version, earlier_lines, (SELECT COALESCE(MAX(seq) + 1, 0) FROM journal_history WHERE entry_id = journal_entries.id), folded_message
        FROM journal_entries WHERE connection = $connection AND kind = $kind AND record_key = $key;
        """;

    private readonly JournalMessages _messages = new(db);
    private SqliteCommand? _insertEntry;
    private SqliteCommand? _foldAway;
    private SqliteCommand? _trim;
    private HistoryLineCommand? _insertLine;
    private HistoryLineCommand? _rewriteLine;

    // The update of a chunk, prepared once per transaction and number of rows: ChunkSize, a batch's last chunk, and
    // one row for a single entry.
    private readonly Dictionary<int, SqliteStatement> _updates = [];

    /// <summary>The entries saved so far, as saved, with their row ids: for the store's memory, once the transaction committed.</summary>
    public List<(long Id, JournalEntry Entry)> Written { get; } = [];

    /// <summary>Saves an entry as <see cref="IJournalStore.TrySaveAsync"/> does.</summary>
    /// <returns>The saved entry with its new version, or <see langword="null"/> when its version no longer matches.</returns>
    public async ValueTask<JournalEntry?> SaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Version != 0)
        {
            var saved = new JournalEntry?[1];
            await SaveChangedAsync([entry], [0], saved, cancellationToken).ConfigureAwait(false);
            return saved[0];
        }

        // A new entry has no history rows yet.
        if (await InsertAsync(entry, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return null;
        }

        await SaveHistoryAsync(new StoredEntryRow(id, 0, 0, null), JournalHistoryWrite.Plan(entry, 0, 0), entry, cancellationToken).ConfigureAwait(false);
        var inserted = entry with { Version = 1 };
        Written.Add((id, inserted));
        return inserted;
    }

    /// <summary>
    /// Saves a batch as <see cref="IJournalStore.TrySaveManyAsync"/> does: the changed entries whose versions match a
    /// chunk to a statement, in the order of their row ids (the full-text index takes its rows in that order without writing
    /// between them); new entries, and every entry of a batch that names a key twice, one by one.
    /// </summary>
    /// <returns>Per entry, the saved entry with its new version, or <see langword="null"/> when its version no longer matches.</returns>
    public async ValueTask<JournalEntry?[]> SaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        // A later save of a key must see the earlier one's version, so a batch that names a key twice goes in order.
        var keys = new HashSet<JournalKey>();
        if (!entries.All(entry => keys.Add(entry.Key)))
        {
            return await SaveInOrderAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        var saved = new JournalEntry?[entries.Count];
        var changed = new List<int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Version != 0)
            {
                changed.Add(i);
            }
            else
            {
                saved[i] = await SaveAsync(entries[i], cancellationToken).ConfigureAwait(false);
            }
        }

        if (changed.Count > 0)
        {
            await SaveChangedAsync(entries, changed, saved, cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    // Saves the changed entries at the given indexes (each key once), those whose versions match a chunk to a statement,
    // in the order of their row ids: the full-text index takes its rows in that order without writing between them. A row
    // the memory held is checked by the update itself; one read here must match, since this transaction holds the lock.
    private async Task SaveChangedAsync(IReadOnlyList<JournalEntry> entries, List<int> changed, JournalEntry?[] saved, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = new List<(int Index, StoredEntryRow Row)>(changed.Count);
        var unknown = new List<int>();
        foreach (var index in changed)
        {
            if (memory.TryTake(entries[index], out var remembered))
            {
                rows.Add((index, remembered));
            }
            else
            {
                unknown.Add(index);
            }
        }

        rows.AddRange(ReadStoredRows(entries, unknown).Where(row => row.Version == entries[row.Index].Version).Select(row => (row.Index, row.Row)));
        rows.Sort((a, b) => a.Row.Id.CompareTo(b.Row.Id));
        var givenUp = new List<string>();
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _messages.Add(chunk.Select(row => Taken(entries[row.Index], row.Row)).OfType<string>());
            var updated = UpdateRows(entries, chunk);

            // The history rows entry by entry, each kind of statement prepared once: the history table has no triggers, so
            // a statement per row costs no savepoint there, and a prepared statement per line took 6 ms per 1,000 entries
            // where one JSON upsert per hundred took 10.
            foreach (var (index, row) in chunk)
            {
                var entry = entries[index];
                if (!updated.Contains(row.Id))
                {
                    // Saved by another writer since it was read: the message added for it may be held by no entry.
                    if (Taken(entry, row) is { } taken)
                    {
                        givenUp.Add(taken);
                    }

                    continue;
                }

                if (row.FoldedMessage is { } given && given != FoldedMessage(entry))
                {
                    givenUp.Add(given);
                }

                await SaveHistoryAsync(row, JournalHistoryWrite.Plan(entry, row.FirstLine, row.EndLine), entry, cancellationToken).ConfigureAwait(false);
                saved[index] = entry with { Version = entry.Version + 1 };
                Written.Add((row.Id, saved[index]!));
            }
        }

        _messages.RemoveUnheld(givenUp);
    }

    // The message an entry takes that its stored row does not hold already.
    private static string? Taken(JournalEntry entry, StoredEntryRow row) =>
        FoldedMessage(entry) is { } taken && taken != row.FoldedMessage ? taken : null;

    /// <summary>Stores an entry whose record has none yet, as <see cref="IJournalStore.AddMissingAsync"/> does.</summary>
    /// <returns>Whether it was stored (no entry of the same key was).</returns>
    public async ValueTask<bool> AddAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        if (await InsertAsync(entry, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return false;
        }

        // A new entry has no history rows yet: its lines go in without counting the stored ones first.
        cancellationToken.ThrowIfCancellationRequested();
        (_insertLine ??= HistoryLineCommand.Prepare(db, InsertLineSql)).Write(id, entry.History, entry.EarlierHistory?.Lines ?? 0, 0, entry.History.Count);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _insertLine?.Dispose();
        _rewriteLine?.Dispose();
        foreach (var update in _updates.Values)
        {
            update.Dispose();
        }

        foreach (var command in new[] { _insertEntry, _foldAway, _trim })
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<JournalEntry?[]> SaveInOrderAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var saved = new JournalEntry?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            saved[i] = await SaveAsync(entries[i], cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    // The stored rows of the entries at the given indexes, with their versions; an entry without one is missing from the
    // list. One prepared statement stepped per entry, its key bound as the insert bound it (a key in a JSON list is not:
    // SQLitePCLRaw cuts a bound text of more than 512 bytes at its first NUL), and as fast as one statement over a JSON
    // list of the keys.
    private List<(int Index, long Version, StoredEntryRow Row)> ReadStoredRows(IReadOnlyList<JournalEntry> entries, List<int> indexes)
    {
        var rows = new List<(int, long, StoredEntryRow)>(indexes.Count);
        if (indexes.Count == 0)
        {
            return rows;
        }

        using var select = SqliteStatement.Prepare(db, StoredRowSql);
        var (connection, kind, key) = (select.ParameterIndex("$connection"), select.ParameterIndex("$kind"), select.ParameterIndex("$key"));
        foreach (var index in indexes)
        {
            var entryKey = entries[index].Key;
            select.Bind(connection, entryKey.Connection.Value);
            select.Bind(kind, (long)entryKey.Kind);
            select.Bind(key, entryKey.RecordKey);
            if (select.Step())
            {
                rows.Add((index, select.Int64(1), new StoredEntryRow(select.Int64(0), select.Int32(2), select.Int32(3), select.NullableString(4))));
            }

            select.Reset();
        }

        return rows;
    }

    // One statement for every changed entry of a chunk, returning the row ids it updated: those whose version matched.
    // SQLite opens a statement savepoint for each statement that fires triggers, and the full-text index writes its
    // pending terms to disk at every savepoint: one UPDATE per entry wrote a segment per entry (and merged them again),
    // one UPDATE per chunk writes one per chunk.
    private HashSet<long> UpdateRows(IReadOnlyList<JournalEntry> entries, (int Index, StoredEntryRow Row)[] rows)
    {
        if (!_updates.TryGetValue(rows.Length, out var update))
        {
            update = SqliteStatement.Prepare(db, JournalEntryValues.UpdateRowsSql(rows.Length));
            _updates.Add(rows.Length, update);
        }

        var parameter = 1;
        foreach (var (index, row) in rows)
        {
            parameter = JournalEntryValues.BindRow(update, parameter, row.Id, entries[index]);
        }

        var updated = new HashSet<long>(rows.Length);
        while (update.Step())
        {
            updated.Add(update.Int64(0));
        }

        update.Reset();

        // A row read in this write transaction matches; anything else rolls the batch back.
        foreach (var (index, row) in rows)
        {
            if (!row.Remembered && !updated.Contains(row.Id))
            {
                throw new InvalidOperationException($"A journal batch did not update entry {entries[index].Key}, whose row it had just read.");
            }
        }

        return updated;
    }

    private async Task<long?> InsertAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var command = _insertEntry ??= db.Command(transaction, InsertEntrySql);
        command.Parameters.Clear();
        command.WithKey(entry.Key).WithValues(entry);
        return (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    // One statement per part of the plan: the rows a fold summarised, the rows the entry no longer has, the last two stored
    // rows it still has (each one only where the row is not known to hold it already), and the new lines.
    private async Task SaveHistoryAsync(StoredEntryRow row, JournalHistoryWrite plan, JournalEntry entry, CancellationToken cancellationToken)
    {
        var history = entry.History;
        await DeleteLinesAsync(row.Id, plan, cancellationToken).ConfigureAwait(false);
        for (var seq = plan.Rewrite ?? plan.RewriteEnd; seq < plan.RewriteEnd; seq++)
        {
            if (!row.Holds(seq, history[plan.IndexOf(seq)]))
            {
                (_rewriteLine ??= HistoryLineCommand.Prepare(db, RewriteLineSql)).Write(row.Id, history, plan.Start, plan.IndexOf(seq), plan.IndexOf(seq) + 1);
            }
        }

        if (plan.IndexOf(plan.InsertFrom) < history.Count)
        {
            (_insertLine ??= HistoryLineCommand.Prepare(db, InsertLineSql)).Write(row.Id, history, plan.Start, plan.IndexOf(plan.InsertFrom), history.Count);
        }
    }

    // The rows a fold summarised and the rows the entry no longer has.
    private async Task DeleteLinesAsync(long entryId, JournalHistoryWrite plan, CancellationToken cancellationToken)
    {
        if (plan.FoldedAway)
        {
            var fold = _foldAway ??= db.Command(transaction, "DELETE FROM journal_history WHERE entry_id = $id AND seq < $first;");
            await fold.Rebind("$id", entryId).Rebind("$first", plan.First).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (plan.TrimFrom is { } trimFrom)
        {
            var trim = _trim ??= db.Command(transaction, "DELETE FROM journal_history WHERE entry_id = $id AND seq >= $count;");
            await trim.Rebind("$id", entryId).Rebind("$count", trimFrom).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? FoldedMessage(JournalEntry entry) => OrdinalIgnoreCaseFolding.FoldOrNull(entry.Message);
}
