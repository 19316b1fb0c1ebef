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
    /// matches the stored one; zero means "not stored yet").
    /// </summary>
    /// <param name="entry">The entry as read and changed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The saved entry with its new version, or <see langword="null"/> when another writer got there first.</returns>
    ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Lists the entries of a connection, in key order.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken);
}
