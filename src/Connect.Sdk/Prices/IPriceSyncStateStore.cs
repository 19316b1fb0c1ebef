using Connect.Sdk.Sync;

namespace Connect.Sdk.Prices;

/// <summary>
/// Where the price last published per (connection, article) is kept (host SPI), so that price sync sends only what
/// changed. Only successful sends are written. The SDK ships <see cref="InMemoryPriceSyncStateStore"/>.
/// </summary>
/// <remarks>
/// Read and written in bulk, a chunk of articles at a time, as <see cref="Stock.IStockSyncStateStore"/>. Amounts are
/// kept exactly as sent (decimal amount and currency), never as floating point.
/// </remarks>
public interface IPriceSyncStateStore
{
    /// <summary>Reads the prices last sent for a chunk of articles.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="articleNumbers">The ERP article numbers (a chunk of a run, typically up to a thousand).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The prices by article number; articles never sent successfully are left out.</returns>
    ValueTask<IReadOnlyDictionary<string, SentPrice>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken);

    /// <summary>Records prices the marketplace accepted, replacing earlier ones of the same articles.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sent">The accepted prices (one batch of a run).</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the prices are stored.</returns>
    ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentPrice> sent, WorkLease lease, CancellationToken cancellationToken);
}
