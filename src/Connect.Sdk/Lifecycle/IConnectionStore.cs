namespace Connect.Sdk.Lifecycle;

/// <summary>
/// Where connections and their lifecycle history are kept (host SPI). A state change and its history
/// entries are saved together, atomically, and guarded by optimistic concurrency so that several worker
/// processes can share one store. The SDK ships <see cref="InMemoryConnectionStore"/> and a SQLite store.
/// </summary>
public interface IConnectionStore
{
    /// <summary>Stores a new connection with its first history entries.</summary>
    /// <param name="connection">The new connection; its <see cref="Connection.Version"/> is zero.</param>
    /// <param name="transitions">The history entries to store with it, oldest first.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored connection with its new version, or <see langword="null"/> when a connection with that id exists.</returns>
    ValueTask<Connection?> TryCreateAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken);

    /// <summary>Reads a connection.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The connection, or <see langword="null"/> when none has that id.</returns>
    ValueTask<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken);

    /// <summary>Lists every connection, in ordinal (case-sensitive, culture-independent) id order.</summary>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The connections.</returns>
    IAsyncEnumerable<Connection> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed connection and appends its history entries, both or neither, if nobody else saved
    /// the connection since it was read (its <see cref="Connection.Version"/> still equals the stored one).
    /// </summary>
    /// <param name="connection">The connection as read and changed.</param>
    /// <param name="transitions">The history entries of the change, oldest first.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// The saved connection with its new version, or <see langword="null"/> when another writer got there
    /// first (or the connection no longer exists): read again and re-apply the change.
    /// </returns>
    ValueTask<Connection?> TrySaveAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken);

    /// <summary>Reads the lifecycle history of a connection, oldest first.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The history; empty for an unknown connection.</returns>
    IAsyncEnumerable<LifecycleTransition> GetHistoryAsync(ConnectionId id, CancellationToken cancellationToken);
}
