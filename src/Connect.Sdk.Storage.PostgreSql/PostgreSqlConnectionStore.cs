using System.Runtime.CompilerServices;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IConnectionStore"/> in PostgreSQL. A connection's state and the history entries of its change
/// are written in one transaction, guarded by the stored version; the history is append-only.
/// </summary>
public sealed class PostgreSqlConnectionStore : IConnectionStore
{
    private readonly RelationalConnectionStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlConnectionStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalConnectionStore(new PostgreSqlRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<Connection?> TryCreateAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken) =>
        _store.TryCreateAsync(connection, transitions, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken) =>
        _store.GetAsync(id, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<Connection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public ValueTask<Connection?> TrySaveAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken) =>
        _store.TrySaveAsync(connection, transitions, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<LifecycleTransition> GetHistoryAsync(ConnectionId id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _store.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }
}
