namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Where a connection's foreign numbers and its restricted article mapping are kept; supplied by the host
/// (the SDK ships an in-memory and a SQLite implementation).
/// </summary>
/// <remarks>
/// The store keeps two invariants per connection, so that several worker processes can share it: an
/// (article, label) has at most one value, and a (label, value) belongs to at most one article. Labels
/// compare ignoring case, values and article numbers exactly. The SDK stores canonical labels only, so a
/// store need not know the rules.
/// </remarks>
public interface IForeignNumberStore
{
    /// <summary>Finds the foreign numbers of an ERP article on a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The article's mappings in label order; empty when it has none.</returns>
    ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken);

    /// <summary>Finds the ERP article that carries a foreign number on a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="foreignNumber">The foreign number with its canonical label.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mapping, or <see langword="null"/> when no article carries it.</returns>
    ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Lists every foreign number of a connection in a stable order: by article number (ordinal), then label
    /// (ignoring case), then value (ordinal). The export relies on this order.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The mappings.</returns>
    IAsyncEnumerable<ForeignNumberMapping> ListAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch of foreign numbers all or nothing. Each mapping sets the value of its (article, label),
    /// replacing an earlier value, which is then free for another article.
    /// </summary>
    /// <param name="mappings">The mappings; they may span connections.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// The mappings of the batch whose foreign number would belong to two articles on one connection after
    /// the write (because of a stored mapping or another mapping in the batch); empty when the batch was
    /// written. When any is returned, nothing was written.
    /// </returns>
    ValueTask<IReadOnlyList<ForeignNumberMapping>> UpsertAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken);

    /// <summary>Removes the foreign number with a label from an ERP article.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="articleNumber">The ERP article number.</param>
    /// <param name="label">The canonical label.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when a foreign number was removed; <see langword="false"/> when there was none.</returns>
    ValueTask<bool> RemoveAsync(ConnectionId connection, string articleNumber, ForeignNumberLabel label, CancellationToken cancellationToken);

    /// <summary>Reads the restricted article mapping of a connection (the articles writable in its test phase).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mapping; <see cref="RestrictedArticleMapping.Empty"/> when none was set.</returns>
    ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>Replaces the restricted article mapping of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="mapping">The new mapping; <see cref="RestrictedArticleMapping.Empty"/> allows nothing.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mapping is stored.</returns>
    ValueTask SetRestrictedMappingAsync(ConnectionId connection, RestrictedArticleMapping mapping, CancellationToken cancellationToken);
}
