namespace Connect.Sdk.Journal;

/// <summary>Where the journal is kept. The SDK ships an in-memory and a SQLite implementation.</summary>
public interface IJournalStore
{
    /// <summary>Reads an entry.</summary>
    /// <param name="key">The entry's identity.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/> when the record has none yet.</returns>
    ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves an entry if nobody else saved it since it was read (its <see cref="JournalEntry.Version"/> still
    /// matches the stored one; zero means "not stored yet"). The history is kept as given: the summary of its folded
    /// lines (<see cref="JournalEntry.EarlierHistory"/>) and the lines after them (<see cref="JournalEntry.History"/>);
    /// lines a save folds away are not read back again. An entry read without its older lines
    /// (<see cref="JournalEntry.HistoryLinesNotRead"/>, from <see cref="GetManyToChangeAsync"/>) keeps those lines as stored.
    /// </summary>
    /// <param name="entry">The entry as read and changed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The saved entry with its new version, or <see langword="null"/> when another writer got there first.</returns>
    ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Stores every entry whose record has no entry yet, as a save of a new entry would, and leaves the records
    /// that have one alone: how the journal lists thousands of newly mapped articles at once. A store that can
    /// write many rows in one go overrides this; the default saves one entry after the other.
    /// </summary>
    /// <param name="entries">New entries (version zero); of two with the same key the first is stored.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many entries were stored.</returns>
    async ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var added = 0;
        foreach (var entry in entries)
        {
            added += await TrySaveAsync(entry with { Version = 0 }, cancellationToken).ConfigureAwait(false) is null ? 0 : 1;
        }

        return added;
    }

    /// <summary>
    /// Reads the entries of many records at once: how a run checks the backoff of 1,000 articles in one read rather
    /// than 1,000. A store that can read many rows in one go overrides this; the default reads one after the other.
    /// </summary>
    /// <param name="keys">The entries' identities.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries that exist, in no particular order; records without an entry are left out.</returns>
    async ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<JournalEntry>(keys.Count);
        foreach (var key in keys)
        {
            if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                found.Add(entry);
            }
        }

        return found;
    }

    /// <summary>
    /// Reads the entries of many records to change them: as <see cref="GetManyAsync"/> does, except that a store may leave
    /// out an entry's older kept history lines, which a status change neither looks at nor changes, and say how many in
    /// <see cref="JournalEntry.HistoryLinesNotRead"/>. What <see cref="JournalEntry.History"/> must still hold: the newest
    /// two lines (all, when there are fewer) and every line from the newest one that is neither
    /// <see cref="JournalStatus.Failed"/> nor <see cref="JournalStatus.Running"/> on (all, when there is none), so that
    /// repeats are counted and <see cref="JournalEntry.ConsecutiveFailures"/> reads as on the whole history. A store that
    /// leaves lines out takes such entries back in <see cref="TrySaveAsync"/> and <see cref="TrySaveManyAsync"/>: the lines
    /// left out stay as stored, and <see cref="JournalEntry.History"/> replaces the lines after them. The journal reads whole
    /// histories (<see cref="GetManyAsync"/>) for the entries whose change folds lines. The default reads whole histories:
    /// a store reading a thousand entries of fifty lines each reads fifty thousand lines where this reads a few thousand.
    /// </summary>
    /// <param name="keys">The entries' identities.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries that exist, in no particular order; records without an entry are left out.</returns>
    ValueTask<IReadOnlyList<JournalEntry>> GetManyToChangeAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) =>
        GetManyAsync(keys, cancellationToken);

    /// <summary>
    /// Saves many entries, each as <see cref="TrySaveAsync"/> would — an entry whose version no longer matches is
    /// left alone — so that a change to thousands of entries is one store call (one transaction in SQLite) rather
    /// than thousands. A store that can write many rows in one go overrides this, in one transaction: a batch that fails
    /// part way writes nothing. The default checks every entry before it saves any, then saves one after the other, so
    /// a malformed entry writes nothing but a store failure part way leaves the entries before it saved.
    /// </summary>
    /// <param name="entries">The entries as read and changed; at most one per key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Per entry, in the same order, the saved entry with its new version, or <see langword="null"/> when another writer got there first.</returns>
    async ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry?.History, nameof(entries));
        }

        var saved = new JournalEntry?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            saved[i] = await TrySaveAsync(entries[i], cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    /// <summary>Reads one page of the entries matching a query, in <see cref="JournalQuery.Order"/>.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="skip">How many matching entries to skip (page number × page size).</param>
    /// <param name="take">The page size; at least one.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page and the total number of matches.</returns>
    ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one page of the entries matching a query by key set: the first page, the page after a continuation token
    /// (<see cref="JournalPage.NextPage"/>) or the last page, each as fast as the first on a store that reads them off
    /// an index. The total is exact up to <see cref="JournalPageRequest.ExactTotalLimit"/> matches; above it a store
    /// may return an estimate and set <see cref="JournalPage.TotalIsEstimate"/>. A store that bounds how many entries
    /// one page reads (the SQLite store does) also estimates the total when counting would read past that bound, even
    /// below the limit, and may return a page that stopped searching before it was full
    /// (<see cref="JournalPage.StoppedEarly"/>, continued by <see cref="JournalPage.NextPage"/>). The default pages
    /// through <see cref="QueryAsync"/> by offset (correct, but as slow as the offset, its total always exact); the
    /// SDK's stores override it.
    /// </summary>
    /// <param name="query">The filter.</param>
    /// <param name="request">Which page, and its size.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, the total, and the token of the next page when one follows.</returns>
    /// <exception cref="ArgumentException">The request's continuation token belongs to another query or is malformed.</exception>
    async ValueTask<JournalPage> QueryPageAsync(JournalQuery query, JournalPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        var after = request.StartsAfter(query);
        if (request.IsLast)
        {
            var total = (await QueryAsync(query, 0, 1, cancellationToken).ConfigureAwait(false)).TotalCount;
            var last = await QueryAsync(query, Math.Max(0, total - request.Size), request.Size, cancellationToken).ConfigureAwait(false);
            return JournalPage.Of(query, request, last.Entries, last.TotalCount, totalIsEstimate: false);
        }

        var chunkSize = Math.Max(request.Size + 1, 1_000);
        var matches = new List<JournalEntry>(request.Size + 1);
        for (var skip = 0; ; skip += chunkSize)
        {
            var chunk = await QueryAsync(query, skip, chunkSize, cancellationToken).ConfigureAwait(false);
            matches.AddRange(after is { } position ? chunk.Entries.Where(position.IsFollowedBy) : chunk.Entries);
            if (matches.Count > request.Size || chunk.Entries.Count < chunkSize)
            {
                return JournalPage.Of(query, request, matches.Take(request.Size + 1).ToArray(), chunk.TotalCount, totalIsEstimate: false);
            }
        }
    }

    /// <summary>Streams the keys of every entry matching a query, for bulk actions on a whole filter.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The keys, in <see cref="JournalQuery.Order"/>.</returns>
    IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken);

    /// <summary>Lists the entries of a connection, in key order.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken);
}
