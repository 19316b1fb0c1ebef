using System.Runtime.CompilerServices;
using Connect.Sdk.Alerts;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IAlertSubscriptionStore"/> in a SQLite file. Subscriptions and delivery states are JSON rows; a
/// state's version is a column, compared and raised in one write transaction, so of two workers saving the same
/// version exactly one wins.
/// </summary>
public sealed class SqliteAlertSubscriptionStore : IAlertSubscriptionStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteAlertSubscriptionStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<AlertSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.ReadAsync<AlertSubscription?>(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT subscription_json FROM alert_subscriptions WHERE id = $id;").With("$id", id);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json ? SqliteJson.Deserialize<AlertSubscription>(json) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AlertSubscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A host has a handful of subscriptions: one read, in the primary key's (binary, that is ordinal) order.
        var all = await _database.ReadAsync(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT subscription_json FROM alert_subscriptions ORDER BY id;");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var subscriptions = new List<AlertSubscription>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    subscriptions.Add(SqliteJson.Deserialize<AlertSubscription>(reader.GetString(0)));
                }

                return subscriptions;
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var subscription in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return subscription;
        }
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(AlertSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);

        // An upsert, never INSERT OR REPLACE: a replace deletes the row first, and the cascade would take the
        // delivery state with it.
        await _database.ExecuteAsync(
            "INSERT INTO alert_subscriptions (id, subscription_json) VALUES ($id, $json) ON CONFLICT (id) DO UPDATE SET subscription_json = excluded.subscription_json;",
            command => command.With("$id", subscription.Id).With("$json", SqliteJson.Serialize(subscription)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await _database.ExecuteAsync(
            "DELETE FROM alert_subscriptions WHERE id = $id;",
            command => command.With("$id", id),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> GetStateAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.ReadAsync<AlertDeliveryState?>(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT version, state_json FROM alert_delivery_states WHERE subscription_id = $id;").With("$id", id);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? SqliteJson.Deserialize<AlertDeliveryState>(reader.GetString(1)) with { Version = reader.GetInt64(0) }
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> TrySaveStateAsync(AlertDeliveryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _database.WriteAsync<AlertDeliveryState?>(
            async (db, transaction, ct) =>
            {
                // Inside the write transaction the stored version cannot change between this read and the write.
                await using var read = db.Command(transaction, """
                        SELECT (SELECT version FROM alert_delivery_states WHERE subscription_id = $id),
                               EXISTS (SELECT 1 FROM alert_subscriptions WHERE id = $id);
                        """)
                    .With("$id", state.SubscriptionId);
                long stored;
                await using (var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    await reader.ReadAsync(ct).ConfigureAwait(false);
                    stored = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
                    if (stored != state.Version || reader.GetInt64(1) == 0)
                    {
                        return null;
                    }
                }

                var saved = state with { Version = stored + 1 };
                await using var write = db.Command(transaction, """
                        INSERT INTO alert_delivery_states (subscription_id, version, state_json) VALUES ($id, $version, $json)
                        ON CONFLICT (subscription_id) DO UPDATE SET version = excluded.version, state_json = excluded.state_json;
                        """)
                    .With("$id", saved.SubscriptionId)
                    .With("$version", saved.Version)
                    .With("$json", SqliteJson.Serialize(saved));
                await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return saved;
            },
            cancellationToken);
    }
}
