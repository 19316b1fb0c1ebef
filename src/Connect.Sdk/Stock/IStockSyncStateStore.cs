using Connect.Sdk.Sync;

namespace Connect.Sdk.Stock;

/// <summary>
/// Where the quantity last published per (connection, article) is kept (host SPI), so that stock sync sends
/// only what changed. Only successful sends are written. The SDK ships <see cref="InMemoryStockSyncStateStore"/>.
/// </summary>
/// <remarks>
/// The SDK reads and writes in bulk, a chunk of articles at a time, so that a catalogue of a million articles
/// costs a few thousand store round trips per run rather than a million: a SQL store answers a read with one
/// <c>WHERE article IN (…)</c> query.
/// </remarks>
public interface IStockSyncStateStore
{
    /// <summary>Reads the quantities last sent for a chunk of articles.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="articleNumbers">The ERP article numbers (a chunk of a run, typically up to a thousand).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The quantities by article number; articles never sent successfully are left out.</returns>
    ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken);

    /// <summary>Records quantities the marketplace accepted, replacing earlier ones of the same articles.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sent">The accepted quantities (one batch of a run).</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the quantities are stored.</returns>
    ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken);
}
