using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>
/// An in-memory store that lets a test play another writer: it can run a competing change just before a
/// save (so the save loses the optimistic-concurrency race), or lose every race.
/// </summary>
public sealed class ScriptedConnectionStore : IConnectionStore
{
    private readonly InMemoryConnectionStore _inner = new();

    public Func<InMemoryConnectionStore, Task>? BeforeNextSave { get; set; }

    public bool AlwaysConflict { get; set; }

    public int SaveAttempts { get; private set; }

    public ValueTask<Connection?> TryCreateAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken) =>
        _inner.TryCreateAsync(connection, transitions, cancellationToken);

    public ValueTask<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken) => _inner.GetAsync(id, cancellationToken);

    public IAsyncEnumerable<Connection> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

    public async ValueTask<Connection?> TrySaveAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken)
    {
        SaveAttempts++;
        if (BeforeNextSave is { } competingWriter)
        {
            BeforeNextSave = null;
            await competingWriter(_inner);
        }

        return AlwaysConflict ? null : await _inner.TrySaveAsync(connection, transitions, cancellationToken);
    }

    public IAsyncEnumerable<LifecycleTransition> GetHistoryAsync(ConnectionId id, CancellationToken cancellationToken) =>
        _inner.GetHistoryAsync(id, cancellationToken);
}
