using Connect.Sdk.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// The journal as users see it ("Journal"): read entries and their history, page through a filter. The
/// sync engine writes it; every write is a status change with a message, appended to the entry's history. Past
/// <see cref="ConnectSdkOptions.JournalHistoryLines"/> lines, an entry's oldest lines are folded into one summary
/// (<see cref="JournalEntry.EarlierHistory"/>), whichever store keeps it.
/// </summary>
public sealed class SyncJournal
{
    /// <summary>How many changes <see cref="UpdateManyAsync(IReadOnlyList{JournalChange}, CancellationToken)"/> reads and saves at once.</summary>
    internal const int BatchSize = 1_000;

    private const int MaxAttempts = 10;

    private readonly IJournalStore _store;
    private readonly IClock _clock;
    private readonly JournalHistoryBound _bound;

    /// <summary>Creates the journal over a store, keeping the default number of history lines per entry (50).</summary>
    /// <param name="store">Where entries are kept.</param>
    /// <param name="clock">The clock that stamps status changes.</param>
    public SyncJournal(IJournalStore store, IClock clock)
        : this(store, clock, JournalHistoryBound.DefaultMaxLines)
    {
    }

    /// <summary>Creates the journal over a store, keeping at most <paramref name="historyLines"/> history lines per entry.</summary>
    /// <param name="store">Where entries are kept.</param>
    /// <param name="clock">The clock that stamps status changes.</param>
    /// <param name="historyLines">The bound of each entry's history (<see cref="ConnectSdkOptions.JournalHistoryLines"/>): 10 to 10,000.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="historyLines"/> is out of range.</exception>
    public SyncJournal(IJournalStore store, IClock clock, int historyLines)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _bound = new JournalHistoryBound(historyLines);
    }

    /// <summary>Reads one entry ("Neu laden" on a single record).</summary>
    /// <param name="key">The entry's identity.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/> when the record has never been seen.</returns>
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => _store.GetAsync(key, cancellationToken);

    /// <summary>Reads one page of a filtered journal tab.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="pageNumber">The page, starting at zero.</param>
    /// <param name="pageSize">Entries per page, 1 to 1,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page and the total number of matching entries.</returns>
    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(pageNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1_000);
        return _store.QueryAsync(query, checked(pageNumber * pageSize), pageSize, cancellationToken);
    }

    /// <summary>
    /// Reads one page of a filtered journal tab by key set: the first page, the page after the previous page's
    /// <see cref="JournalPage.NextPage"/>, or the last page — page 10,000 as fast as the first. Above
    /// <see cref="JournalPageRequest.ExactTotalLimit"/> matches the total may be an estimate (<see cref="JournalPage.TotalIsEstimate"/>).
    /// A store that bounds what one page reads (the SQLite store) also estimates below that limit when counting would
    /// read past its bound, and may return a page that stopped searching before it was full
    /// (<see cref="JournalPage.StoppedEarly"/>), which <see cref="JournalPage.NextPage"/> continues.
    /// </summary>
    /// <param name="query">The filter.</param>
    /// <param name="request">Which page; 1 to 1,000 entries per page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, the total and the token of the next page.</returns>
    /// <exception cref="ArgumentException">The continuation token was read with another query, or is malformed.</exception>
    public ValueTask<JournalPage> QueryPageAsync(JournalQuery query, JournalPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Size, 1_000, nameof(request));
        return _store.QueryPageAsync(query, request, cancellationToken);
    }

    /// <summary>Resolves a selection to record keys: the keys given, or every match of the filter on every page.</summary>
    /// <param name="connection">The connection the selection belongs to.</param>
    /// <param name="kind">The journal tab the selection belongs to.</param>
    /// <param name="selection">The selection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record keys, without duplicates.</returns>
    /// <exception cref="ArgumentException">The selection's filter is for another connection or tab.</exception>
    public async ValueTask<IReadOnlyList<string>> ResolveAsync(ConnectionId connection, RecordKind kind, JournalSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.RecordKeys is { } keys)
        {
            return keys;
        }

        var filter = selection.Filter!;
        if (filter.Connection != connection || filter.Kind != kind)
        {
            throw new ArgumentException($"The selection's filter is for {filter.Connection}/{filter.Kind}, not {connection}/{kind}.", nameof(selection));
        }

        var result = new List<string>();
        await foreach (var key in _store.ListKeysAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            result.Add(key.RecordKey);
        }

        return result;
    }

    /// <summary>Adds entries for records the journal does not list yet, in one store write, stamped now.</summary>
    internal ValueTask<int> AddMissingAsync(IEnumerable<Func<Instant, JournalEntry>> entries, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        return _store.AddMissingAsync(entries.Select(e => _bound.Apply(e(now))).ToArray(), cancellationToken);
    }

    /// <summary>Streams the keys of every entry matching a filter.</summary>
    internal IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => _store.ListKeysAsync(query, cancellationToken);

    /// <summary>
    /// Changes an entry (creating it as "not synced" first when the record is new), retrying when another
    /// writer saved it in between so that no status change is lost.
    /// </summary>
    internal async ValueTask<JournalEntry> UpdateAsync(JournalKey key, Func<JournalEntry, Instant, JournalEntry> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = _clock.GetCurrentInstant();
            var current = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) ?? new JournalEntry { Key = key, UpdatedAt = now };
            var changed = change(current, now);
            if (ReferenceEquals(changed, current) && current.Version > 0)
            {
                return current;
            }

            changed = _bound.Apply(changed);

            if (await _store.TrySaveAsync(changed, cancellationToken).ConfigureAwait(false) is { } saved)
            {
                return saved;
            }

            if (attempt == MaxAttempts)
            {
                throw new ConnectSdkException(ConnectSdkErrorCode.Conflict, $"Journal entry {key} kept changing under {MaxAttempts} attempts to update it.") { ConnectionId = key.Connection, RecordKey = key.RecordKey };
            }
        }
    }

    /// <summary>
    /// Reads the entries of many records in one store read, by key, to check or change them: their newest history lines
    /// only, where the store can (<see cref="IJournalStore.GetManyToChangeAsync"/>); records without an entry are left out.
    /// </summary>
    internal async ValueTask<IReadOnlyDictionary<JournalKey, JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
    {
        var entries = await _store.GetManyToChangeAsync(keys, cancellationToken).ConfigureAwait(false);
        return entries.ToDictionary(e => e.Key);
    }

    /// <summary>
    /// Changes the stored entries of many records with one store write per <see cref="BatchSize"/> records; records
    /// without an entry are left out. An entry another writer saved in between is changed again on its own, so that no
    /// status change is lost.
    /// </summary>
    internal async ValueTask UpdateManyAsync(IReadOnlyCollection<JournalKey> keys, Func<JournalEntry, Instant, JournalEntry> change, CancellationToken cancellationToken) =>
        await ChangeManyAsync(keys.Select(key => new JournalChange(key, change)).ToArray(), known: null, createMissing: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Changes many entries (creating each as "not synced" first when its record is new) with one store read and one
    /// store write — one transaction — per <see cref="BatchSize"/> changes, as <see cref="UpdateAsync"/> would one by
    /// one: how a whole selection of records is changed at once. An entry another writer saved in between is changed
    /// again on its own; changes of the same record apply in order.
    /// </summary>
    internal async ValueTask UpdateManyAsync(IReadOnlyList<JournalChange> changes, CancellationToken cancellationToken) =>
        await ChangeManyAsync(changes, known: null, createMissing: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Moves an entry to a status with a message; <see cref="JournalStatus.Running"/> counts an attempt.</summary>
    internal static Func<JournalEntry, Instant, JournalEntry> StatusChange(JournalStatus status, string? message, Func<JournalEntry, JournalEntry>? details = null) =>
        (entry, now) =>
        {
            var changed = entry.WithStatus(status, message, now);
            changed = status == JournalStatus.Running ? changed with { Attempts = entry.Attempts + 1 } : changed;
            return details is null ? changed : details(changed);
        };

    /// <summary>
    /// Changes many entries with one store read (none when the caller passes them as <paramref name="known"/>) and one store
    /// write per <see cref="BatchSize"/> changes; an entry another writer saved in between (or since the caller read it)
    /// is changed again on its own, so that no status change is lost. The read brings each entry's newest history lines
    /// only, where the store can; an entry whose change folds lines is read again whole first (one more read for all of them).
    /// </summary>
    /// <param name="changes">The changes; several of one record apply in order.</param>
    /// <param name="known">The entries as the caller last read or saved them, by key, instead of reading them; a record missing from it counts as new.</param>
    /// <param name="createMissing">Whether a record without an entry gets one (as "not synced" first), or is left out.</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    /// <returns>The entries as saved, or as they were where the change left them alone, by key.</returns>
    internal async ValueTask<IReadOnlyDictionary<JournalKey, JournalEntry>> ChangeManyAsync(
        IReadOnlyList<JournalChange> changes,
        IReadOnlyDictionary<JournalKey, JournalEntry>? known,
        bool createMissing,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = new Dictionary<JournalKey, JournalEntry>(changes.Count);
        foreach (var chunk in changes.Chunk(BatchSize))
        {
            // A store saves a key at most once per batch: the changes of one record are made one after the other.
            var byKey = chunk
                .GroupBy(c => c.Key)
                .Select(g => new JournalChange(g.Key, g.Skip(1).Aggregate(g.First().Change, (all, next) => (entry, now) => next.Change(all(entry, now), now))))
                .ToArray();
            var now = _clock.GetCurrentInstant();
            var stored = known ?? await GetManyAsync(byKey.Select(c => c.Key).ToArray(), cancellationToken).ConfigureAwait(false);
            var pending = new List<JournalChange>(byKey.Length);
            var changed = new List<JournalEntry>(byKey.Length);
            var folding = new List<JournalChange>();
            foreach (var item in byKey)
            {
                if (Consider(item.Key, item.Change, stored))
                {
                    folding.Add(item);
                }
            }

            if (folding.Count > 0)
            {
                var whole = (await _store.GetManyAsync(folding.Select(c => c.Key).ToArray(), cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Key);
                foreach (var (key, change) in folding)
                {
                    Consider(key, change, whole);
                }
            }

            // Plans one change: left out, left alone (then in the result as it is), or added to the changes to save; true
            // when it must fold an entry read without its older lines, which must be read whole first.
            bool Consider(JournalKey key, Func<JournalEntry, Instant, JournalEntry> change, IReadOnlyDictionary<JournalKey, JournalEntry> entries)
            {
                if (!entries.TryGetValue(key, out var current) && !createMissing)
                {
                    return false;
                }

                current ??= new JournalEntry { Key = key, UpdatedAt = now };
                var next = change(current, now);
                if (ReferenceEquals(next, current) && current.Version > 0)
                {
                    result[key] = current;
                    return false;
                }

                if (_bound.NeedsWholeHistory(next))
                {
                    return true;
                }

                pending.Add(new JournalChange(key, change));
                changed.Add(_bound.Apply(next));
                return false;
            }

            if (changed.Count == 0)
            {
                continue;
            }

            var saved = await _store.TrySaveManyAsync(changed, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < changed.Count; i++)
            {
                result[pending[i].Key] = saved[i] ?? await UpdateAsync(pending[i].Key, pending[i].Change, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <summary>Moves an entry to a status with a message; <see cref="JournalStatus.Running"/> counts an attempt.</summary>
    internal ValueTask<JournalEntry> SetStatusAsync(
        JournalKey key,
        JournalStatus status,
        string? message,
        CancellationToken cancellationToken,
        Func<JournalEntry, JournalEntry>? details = null) =>
        UpdateAsync(key, StatusChange(status, message, details), cancellationToken);
}
