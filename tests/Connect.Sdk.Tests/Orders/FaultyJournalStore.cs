using Connect.Sdk.Journal;

namespace Connect.Sdk.Tests.Orders;

/// <summary>A journal store that fails saving "loaded, waiting" (with "handing over") or a success of the order tab when armed.</summary>
internal sealed class FaultyJournalStore(IJournalStore inner, Faults faults) : IJournalStore
{
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        // "Loaded, waiting" is saved with "handing over" in one write: the save whose history ends in those two lines.
        if (entry.Key.Kind == RecordKind.Order && entry.History.Count >= 2 && entry.History[^2].Message?.StartsWith("loaded from the marketplace", StringComparison.Ordinal) == true
            && entry.Status == JournalStatus.Running)
        {
            faults.At(CrashStep.JournalStaged);
        }

        if (entry.Key.Kind == RecordKind.Order && entry.Status == JournalStatus.Succeeded)
        {
            faults.At(CrashStep.JournalAfterHandOver);
        }

        return inner.TrySaveAsync(entry, cancellationToken);
    }

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
}
