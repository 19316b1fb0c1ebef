using System.Runtime.CompilerServices;

namespace Connect.Sdk.Journal;

/// <summary>An <see cref="IJournalStore"/> held in memory, for tests.</summary>
public sealed class InMemoryJournalStore : IJournalStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<JournalKey, JournalEntry> _entries = [];

    /// <inheritdoc />
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    /// <remarks>Each entry with its newest history lines only, as the SQLite store reads it, so that tests go the same way.</remarks>
    public ValueTask<IReadOnlyList<JournalEntry>> GetManyToChangeAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<JournalEntry>>(
                keys.Distinct().Select(key => _entries.GetValueOrDefault(key)).OfType<JournalEntry>().Select(HistoryToChange.Of).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.History, nameof(entry));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var written = new Dictionary<JournalKey, JournalEntry>(1);
            var saved = Save(entry, written);
            Store(written);
            return ValueTask.FromResult(saved);
        }
    }

    /// <inheritdoc />
    /// <remarks>Under one lock, every entry checked before any is stored: a batch that fails stores nothing, as a database's transaction would.</remarks>
    public ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry?.History, nameof(entries));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var saved = new JournalEntry?[entries.Count];
        lock (_gate)
        {
            var written = new Dictionary<JournalKey, JournalEntry>(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                saved[i] = Save(entries[i], written);
            }

            Store(written);
        }

        return ValueTask.FromResult<IReadOnlyList<JournalEntry?>>(saved);
    }

    /// <inheritdoc />
    public ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        var added = 0;
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (_entries.TryAdd(entry.Key, entry with { Version = 1 }))
                {
                    added++;
                }
            }
        }

        return ValueTask.FromResult(added);
    }

    /// <inheritdoc />
    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var matches = Snapshot(query);
        return ValueTask.FromResult(new JournalPage(matches.Skip(skip).Take(take).ToArray(), matches.Length));
    }

    /// <inheritdoc />
    /// <remarks>Every total is exact: the matches are in memory anyway.</remarks>
    public ValueTask<JournalPage> QueryPageAsync(JournalQuery query, JournalPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        var after = request.StartsAfter(query);
        cancellationToken.ThrowIfCancellationRequested();
        var matches = Snapshot(query);
        IEnumerable<JournalEntry> page = request.IsLast
            ? matches.TakeLast(request.Size)
            : (after is { } position ? matches.SkipWhile(e => !position.IsFollowedBy(e)) : matches).Take(request.Size + 1);
        return ValueTask.FromResult(JournalPage.Of(query, request, page.ToArray(), matches.Length, totalIsEstimate: false));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var entry in Snapshot(query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry.Key;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JournalEntry[] snapshot;
        lock (_gate)
        {
            snapshot = _entries.Values
                .Where(e => e.Key.Connection == connection)
                .OrderBy(e => e.Key.Kind)
                .ThenBy(e => e.Key.RecordKey, StringComparer.Ordinal)
                .ToArray();
        }

        foreach (var entry in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    // Called under the lock; writes into `written`, over the stored entries, so that a batch that throws part way stores
    // nothing. The version check is the optimistic-concurrency check.
    private JournalEntry? Save(JournalEntry entry, Dictionary<JournalKey, JournalEntry> written)
    {
        var stored = written.GetValueOrDefault(entry.Key) ?? _entries.GetValueOrDefault(entry.Key);
        var storedVersion = stored?.Version ?? 0;
        if (storedVersion != entry.Version)
        {
            return null;
        }

        var saved = entry with { Version = storedVersion + 1 };
        written[entry.Key] = Whole(saved, stored);
        return saved;
    }

    // An entry read without its older lines gets them back from the stored one: the lines from where its kept history
    // starts, as many as it left out.
    private static JournalEntry Whole(JournalEntry entry, JournalEntry? stored)
    {
        if (entry.HistoryLinesNotRead == 0)
        {
            return entry;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(entry.HistoryLinesNotRead, nameof(entry));

        var from = (entry.EarlierHistory?.Lines ?? 0) - (stored?.EarlierHistory?.Lines ?? 0);
        if (stored is null || from < 0 || from + entry.HistoryLinesNotRead > stored.History.Count)
        {
            throw new ArgumentException($"Journal entry {entry.Key} leaves out {entry.HistoryLinesNotRead} history lines that the store does not hold.", nameof(entry));
        }

        return entry with { HistoryLinesNotRead = 0, History = [.. stored.History.Skip(from).Take(entry.HistoryLinesNotRead), .. entry.History] };
    }

    private void Store(Dictionary<JournalKey, JournalEntry> written)
    {
        foreach (var (key, entry) in written)
        {
            _entries[key] = entry;
        }
    }

    private JournalEntry[] Snapshot(JournalQuery query)
    {
        lock (_gate)
        {
            var matches = _entries.Values.Where(query.Matches).ToArray();
            Array.Sort(matches, JournalQuery.Order);
            return matches;
        }
    }
}
