using Connect.Sdk.Stock;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Sync;

/// <summary>A stock state store whose first save waits at a <see cref="WriteGate"/>.</summary>
internal sealed class GatedStockSyncStateStore(IStockSyncStateStore inner, WriteGate gate) : IStockSyncStateStore
{
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        inner.GetAsync(connection, articleNumbers, cancellationToken);

    public async ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken) =>
        await gate.PassAsync(async () =>
        {
            await inner.SaveAsync(connection, sent, lease, cancellationToken);
            return true;
        });
}
