using Connect.Sdk.Journal;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Testing.Tests.Stores;

/// <summary>The in-memory journal store passes the store conformance kit.</summary>
public sealed class InMemoryJournalStoreTests : JournalStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IJournalStore> CreateStoreAsync() => ValueTask.FromResult<IJournalStore>(new InMemoryJournalStore());
}
