using System.Runtime.CompilerServices;
using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The connection store of the SQL stores. A connection's state and the history entries of its change
/// are written in one transaction, guarded by the stored version; the history is append-only.
/// </summary>
internal sealed class RelationalConnectionStore(RelationalDatabase database) : IConnectionStore
{
    // Streams read in pages, each in a short read of its own, so a slow consumer holds no reader open.
    private const int PageSize = 500;

    /// <inheritdoc />
    public ValueTask<Connection?> TryCreateAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transitions);
        EnsureBelongTo(connection, transitions);
        return database.WriteAsync<Connection?>(
            async (db, transaction, ct) =>
            {
                await using var insert = db.Command(transaction, $"INSERT INTO connections ({ConnectionRows.Columns}) VALUES ({ConnectionRows.Values}, 1, @created_at) ON CONFLICT DO NOTHING;")
                    .WithConnection(database.Dialect, connection)
                    .With("@created_at", connection.CreatedAt.ToStored());
                if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    return null;
                }

                await ConnectionRows.AppendHistoryAsync(database.Dialect, db, transaction, connection.Id, transitions, ct).ConfigureAwait(false);
                return connection with { Version = 1 };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Connection?> GetAsync(ConnectionId id, CancellationToken cancellationToken) =>
        database.ReadAsync<Connection?>(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, $"SELECT {ConnectionRows.Columns} FROM connections WHERE id = @id;").With("@id", id.Value);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? ConnectionRows.ReadConnection(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<Connection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An iterator of its own rather than the helper's stream returned as is, so the public signature keeps
        // [EnumeratorCancellation] and a token given to WithCancellation still cancels.

        // The primary key's BINARY order is the ordinal order of the ids; each page starts after the last id.
        var rows = database.StreamPagesAsync(
            new KeysetQuery<Connection, string>
            {
                FirstPage = $"SELECT {ConnectionRows.Columns} FROM connections ORDER BY id LIMIT @limit;",
                NextPage = $"SELECT {ConnectionRows.Columns} FROM connections WHERE id > @after ORDER BY id LIMIT @limit;",
                BindAfter = static (command, after) => command.With("@after", after),
                Read = static async (command, ct) =>
                {
                    var connections = new List<Connection>();
                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        connections.Add(ConnectionRows.ReadConnection(reader));
                    }

                    return connections;
                },
                KeyOf = static connection => connection.Id.Value,
                PageSize = PageSize,
            },
            cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public ValueTask<Connection?> TrySaveAsync(Connection connection, IReadOnlyList<LifecycleTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transitions);
        EnsureBelongTo(connection, transitions);
        return database.WriteAsync<Connection?>(
            async (db, transaction, ct) =>
            {
                // The version condition is the optimistic-concurrency check; an unknown id updates no row either.
                await using var update = db.Command(transaction, $"""
                        UPDATE connections SET ({ConnectionRows.SavedColumns})
                            = ({ConnectionRows.Values}, version + 1)
                        WHERE id = @id AND version = @expected;
                        """)
                    .WithConnection(database.Dialect, connection)
                    .With("@expected", connection.Version);
                if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    return null;
                }

                await ConnectionRows.AppendHistoryAsync(database.Dialect, db, transaction, connection.Id, transitions, ct).ConfigureAwait(false);
                return connection with { Version = connection.Version + 1 };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LifecycleTransition> GetHistoryAsync(ConnectionId id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = database.StreamPagesAsync(
            new KeysetQuery<(long Seq, LifecycleTransition Transition), long>
            {
                FirstPage = $"SELECT seq, {ConnectionRows.HistoryColumns} FROM connection_history WHERE connection = @connection ORDER BY seq LIMIT @limit;",
                NextPage = $"SELECT seq, {ConnectionRows.HistoryColumns} FROM connection_history WHERE connection = @connection AND seq > @after ORDER BY seq LIMIT @limit;",
                Bind = command => command.With("@connection", id.Value),
                BindAfter = static (command, after) => command.With("@after", after),
                Read = static async (command, ct) =>
                {
                    var transitions = new List<(long Seq, LifecycleTransition Transition)>();
                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        transitions.Add((reader.GetInt64(0), ConnectionRows.ReadTransition(reader, offset: 1)));
                    }

                    return transitions;
                },
                KeyOf = static row => row.Seq,
                PageSize = PageSize,
            },
            cancellationToken);
        await foreach (var (_, transition) in pages.ConfigureAwait(false))
        {
            yield return transition;
        }
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
