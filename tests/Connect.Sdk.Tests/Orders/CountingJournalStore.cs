using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.Orders;

/// <summary>A journal store that counts the reads and writes of order entries, one by one and in batches.</summary>
internal sealed class CountingJournalStore(IJournalStore inner) : IJournalStore
{
    public int SingleReads { get; private set; }

    public int SingleSaves { get; private set; }

    public int BatchReads { get; private set; }

    public int BatchSaves { get; private set; }

    public void Reset() => (SingleReads, SingleSaves, BatchReads, BatchSaves) = (0, 0, 0, 0);

    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken)
    {
        SingleReads += key.Kind == RecordKind.Order ? 1 : 0;
        return inner.GetAsync(key, cancellationToken);
    }

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        SingleSaves += entry.Key.Kind == RecordKind.Order ? 1 : 0;
        return inner.TrySaveAsync(entry, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
    {
        BatchReads += keys.Any(k => k.Kind == RecordKind.Order) ? 1 : 0;
        var found = new List<JournalEntry>();
        foreach (var key in keys)
        {
            if (await inner.GetAsync(key, cancellationToken) is { } entry)
            {
                found.Add(entry);
            }
        }

        return found;
    }

    public async ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        BatchSaves += entries.Any(e => e.Key.Kind == RecordKind.Order) ? 1 : 0;
        var saved = new JournalEntry?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            saved[i] = await inner.TrySaveAsync(entries[i], cancellationToken);
        }

        return saved;
    }

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
}
