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
    /// lines a save folds away are not read back again.
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
    /// Saves many entries, each as <see cref="TrySaveAsync"/> would — an entry whose version no longer matches is
    /// left alone — so that a change to thousands of entries is one store call (one transaction in SQLite) rather
    /// than thousands. A store that can write many rows in one go overrides this; the default saves one after the other.
    /// </summary>
    /// <param name="entries">The entries as read and changed; at most one per key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Per entry, in the same order, the saved entry with its new version, or <see langword="null"/> when another writer got there first.</returns>
    async ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
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
