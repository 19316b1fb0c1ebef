using System.Runtime.CompilerServices;

namespace Connect.Sdk.Lifecycle;

/// <summary>An <see cref="IConnectionStore"/> held in process memory, for tests and samples; thread-safe.</summary>
public sealed class InMemoryConnectionStore : IConnectionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ConnectionId, Connection> _connections = [];
    private readonly Dictionary<ConnectionId, List<LifecycleTransition>> _history = [];

    /// <inheritdoc />
    public ValueTask<Connection?> TryCreateAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transitions);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureBelongTo(connection, transitions);
        lock (_gate)
        {
            if (_connections.ContainsKey(connection.Id))
            {
                return ValueTask.FromResult<Connection?>(null);
            }

            var stored = connection with { Version = 1 };
            _connections[connection.Id] = stored;
            _history[connection.Id] = [.. transitions];
            return ValueTask.FromResult<Connection?>(stored);
        }
    }

    /// <inheritdoc />
    public ValueTask<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_connections.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Connection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Connection[] snapshot;
        lock (_gate)
        {
            snapshot = _connections.Values.OrderBy(c => c.Id.Value, StringComparer.Ordinal).ToArray();
        }

        foreach (var connection in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return connection;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<Connection?> TrySaveAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transitions);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureBelongTo(connection, transitions);
        lock (_gate)
        {
            if (!_connections.TryGetValue(connection.Id, out var current) || current.Version != connection.Version)
            {
                return ValueTask.FromResult<Connection?>(null);
            }

            var stored = connection with { Version = current.Version + 1 };
            _connections[connection.Id] = stored;
            _history[connection.Id].AddRange(transitions);
            return ValueTask.FromResult<Connection?>(stored);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LifecycleTransition> GetHistoryAsync(ConnectionId id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LifecycleTransition[] snapshot;
        lock (_gate)
        {
            snapshot = _history.TryGetValue(id, out var history) ? [.. history] : [];
        }

        foreach (var transition in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return transition;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    // A transition filed under the wrong connection would corrupt another connection's audit trail.
    private static void EnsureBelongTo(Connection connection, IReadOnlyList<LifecycleTransition> transitions)
    {
        var stray = transitions.FirstOrDefault(t => t.ConnectionId != connection.Id);
        if (stray is not null)
        {
            throw new ArgumentException($"Transition '{stray}' belongs to connection '{stray.ConnectionId}', not '{connection.Id}'.", nameof(transitions));
        }
    }
}
