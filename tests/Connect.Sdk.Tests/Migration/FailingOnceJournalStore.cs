using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.Migration;

/// <summary>An in-memory journal store whose first batch of new entries fails, as a crash right after the foreign numbers were written would.</summary>
internal sealed class FailingOnceJournalStore : IJournalStore
{
    private readonly IJournalStore _inner = new InMemoryJournalStore();
    private bool _failed;

    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => _inner.GetAsync(key, cancellationToken);

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken) => _inner.TrySaveAsync(entry, cancellationToken);

    public ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        if (!_failed)
        {
            _failed = true;
            throw new IOException("journal unreachable");
        }

        return _inner.AddMissingAsync(entries, cancellationToken);
    }

    public ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) => _inner.GetManyAsync(keys, cancellationToken);

    public ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken) => _inner.TrySaveManyAsync(entries, cancellationToken);

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => _inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => _inner.ListKeysAsync(query, cancellationToken);

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => _inner.ListAsync(connection, cancellationToken);
}
