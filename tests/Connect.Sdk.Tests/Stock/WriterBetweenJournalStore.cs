using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.Stock;

/// <summary>
/// A journal store where another writer acts just before a batch save: <see cref="BeforeSaveMany"/> sees the batch and may
/// save through the inner store first, as a second process would between a run's read and its write.
/// </summary>
internal sealed class WriterBetweenJournalStore(IJournalStore inner) : IJournalStore
{
    /// <summary>Runs before each batch save, with the inner store and the entries about to be saved.</summary>
    public Func<IJournalStore, IReadOnlyList<JournalEntry>, ValueTask>? BeforeSaveMany { get; set; }

    public async ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        if (BeforeSaveMany is { } before)
        {
            await before(inner, entries);
        }

        return await inner.TrySaveManyAsync(entries, cancellationToken);
    }

    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken) => inner.TrySaveAsync(entry, cancellationToken);

    public ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) => inner.GetManyAsync(keys, cancellationToken);

    public ValueTask<IReadOnlyList<JournalEntry>> GetManyToChangeAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) => inner.GetManyToChangeAsync(keys, cancellationToken);

    public ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken) => inner.AddMissingAsync(entries, cancellationToken);

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
}
