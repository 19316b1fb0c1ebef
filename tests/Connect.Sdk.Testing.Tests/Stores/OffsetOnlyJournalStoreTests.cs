using Connect.Sdk.Journal;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Testing.Tests.Stores;

/// <summary>
/// A partner's journal store written before keyset paging — no <see cref="IJournalStore.QueryPageAsync"/> of its own —
/// passes the store kit on the interface's default, which pages by offset.
/// </summary>
public sealed class OffsetOnlyJournalStoreTests : JournalStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IJournalStore> CreateStoreAsync() => ValueTask.FromResult<IJournalStore>(new OffsetOnlyJournalStore(new InMemoryJournalStore()));

    // Forwards only the members a store had to implement before keyset paging.
    private sealed class OffsetOnlyJournalStore(IJournalStore inner) : IJournalStore
    {
        public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken) => inner.TrySaveAsync(entry, cancellationToken);

        public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

        public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

        public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
    }
}
