using System.Collections.Concurrent;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Stock;

/// <summary>An <see cref="IStockSyncStateStore"/> held in memory, for tests and samples. Thread-safe.</summary>
public sealed class InMemoryStockSyncStateStore : IStockSyncStateStore
{
    private readonly ConcurrentDictionary<ConnectionId, ConcurrentDictionary<string, SentStock>> _sent = new();

    private readonly InMemoryWorkLeaseStore _leases;

    /// <summary>Creates the store, fenced by the leases of <paramref name="leases"/>.</summary>
    /// <param name="leases">The lease store whose leases the run's writes carry; its lock guards each fenced write.</param>
    public InMemoryStockSyncStateStore(InMemoryWorkLeaseStore leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        _leases = leases;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, SentStock>(StringComparer.Ordinal);
        if (_sent.TryGetValue(connection, out var sent))
        {
            foreach (var number in articleNumbers)
            {
                if (sent.TryGetValue(number, out var last))
                {
                    found[number] = last;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, SentStock>>(found);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        cancellationToken.ThrowIfCancellationRequested();
        // Checked whole before anything is written, so that a batch with a flaw leaves nothing half-written.
        foreach (var item in sent)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(sent));
        }

        _leases.Fenced(lease, () =>
        {
            var stored = _sent.GetOrAdd(connection, _ => new ConcurrentDictionary<string, SentStock>(StringComparer.Ordinal));
            foreach (var item in sent)
            {
                stored[item.ArticleNumber] = item;
            }

            return true;
        });

        return ValueTask.CompletedTask;
    }
}
