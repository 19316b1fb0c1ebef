using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.Stock;

/// <summary>A journal store that counts the calls made to it, to show that bulk work reads and writes in batches.</summary>
internal sealed class CountingJournalStore(IJournalStore inner) : IJournalStore
{
    private int _gets;
    private int _saves;
    private int _batchReads;
    private int _batchSaves;
    private int _tabListings;

    /// <summary>Reads of single entries of the article tab.</summary>
    public int ArticleGets => Volatile.Read(ref _gets);

    public int Saves => Volatile.Read(ref _saves);

    public int BatchReads => Volatile.Read(ref _batchReads);

    public int BatchSaves => Volatile.Read(ref _batchSaves);

    /// <summary>Listings of the keys of an article tab without a status filter.</summary>
    public int ArticleTabListings => Volatile.Read(ref _tabListings);

    public void Reset()
    {
        Interlocked.Exchange(ref _tabListings, 0);
        Interlocked.Exchange(ref _gets, 0);
        Interlocked.Exchange(ref _saves, 0);
        Interlocked.Exchange(ref _batchReads, 0);
        Interlocked.Exchange(ref _batchSaves, 0);
    }

    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken)
    {
        if (key.Kind == RecordKind.ArticleStock)
        {
            Interlocked.Increment(ref _gets);
        }

        return inner.GetAsync(key, cancellationToken);
    }

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _saves);
        return inner.TrySaveAsync(entry, cancellationToken);
    }

    public ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchReads);
        return inner.GetManyAsync(keys, cancellationToken);
    }

    public ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchSaves);
        return inner.TrySaveManyAsync(entries, cancellationToken);
    }

    public ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken) => inner.AddMissingAsync(entries, cancellationToken);

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken)
    {
        if (query.Kind == RecordKind.ArticleStock && query.Statuses.Count == 0)
        {
            Interlocked.Increment(ref _tabListings);
        }

        return inner.ListKeysAsync(query, cancellationToken);
    }

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
}
