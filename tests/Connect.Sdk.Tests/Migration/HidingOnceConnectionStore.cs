using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Tests.Migration;

/// <summary>A connection store whose next read after <see cref="HideNextRead"/> answers "no such connection", as if another user created it right after.</summary>
internal sealed class HidingOnceConnectionStore(IConnectionStore inner) : IConnectionStore
{
    private bool _hideNext;

    public void HideNextRead() => _hideNext = true;

    public ValueTask<Connection?> TryCreateAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken) =>
        inner.TryCreateAsync(connection, transitions, cancellationToken);

    public ValueTask<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        if (!_hideNext)
        {
            return inner.GetAsync(id, cancellationToken);
        }

        _hideNext = false;
        return ValueTask.FromResult<Connection?>(null);
    }

    public IAsyncEnumerable<Connection> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public ValueTask<Connection?> TrySaveAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken) =>
        inner.TrySaveAsync(connection, transitions, cancellationToken);

    public IAsyncEnumerable<LifecycleTransition> GetHistoryAsync(ConnectionId id, CancellationToken cancellationToken) => inner.GetHistoryAsync(id, cancellationToken);
}
