using System.Runtime.CompilerServices;
using Connect.Sdk.Alerts;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The alert subscription store of the SQL stores: the subscriptions as JSON, and each one's delivery state beside it
/// with a version for optimistic concurrency, compared and raised in one conditional statement, so of two workers saving
/// the same version exactly one wins; deleting a subscription removes its state.
/// </summary>
internal sealed class RelationalAlertSubscriptionStore(RelationalDatabase database) : IAlertSubscriptionStore
{
    /// <inheritdoc />
    public ValueTask<AlertSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.ReadAsync<AlertSubscription?>(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT subscription_json FROM alert_subscriptions WHERE id = @id;").With("@id", id);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json ? StoredJson.Deserialize<AlertSubscription>(json) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AlertSubscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A host has a handful of subscriptions: one read, in the primary key's (bytewise, that is ordinal) order.
        var all = await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT subscription_json FROM alert_subscriptions ORDER BY id;");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var subscriptions = new List<AlertSubscription>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    subscriptions.Add(StoredJson.Deserialize<AlertSubscription>(reader.GetString(0)));
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

        // An upsert that updates the row in place, never INSERT OR REPLACE: a replace deletes the row first, and the
        // cascade would take the delivery state with it.
        await database.ExecuteAsync(
            "INSERT INTO alert_subscriptions (id, subscription_json) VALUES (@id, @json) ON CONFLICT (id) DO UPDATE SET subscription_json = excluded.subscription_json;",
            command => command.With("@id", subscription.Id).WithJson(database.Dialect, "@json", StoredJson.Serialize(subscription)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await database.ExecuteAsync(
            "DELETE FROM alert_subscriptions WHERE id = @id;",
            command => command.With("@id", id),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> GetStateAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.ReadAsync<AlertDeliveryState?>(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT version, state_json FROM alert_delivery_states WHERE subscription_id = @id;").With("@id", id);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? StoredJson.Deserialize<AlertDeliveryState>(reader.GetString(1)) with { Version = reader.GetInt64(0) }
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> TrySaveStateAsync(AlertDeliveryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var saved = state with { Version = state.Version + 1 };
        return database.WriteAsync<AlertDeliveryState?>(
            async (db, transaction, ct) =>
            {
                // Version zero inserts the first state of an existing subscription, and finds a stored state a conflict;
                // any other version must match the stored one (the UPDATE re-checks it after waiting for a concurrent
                // writer). No row changed means another writer got there first, or there is no such subscription.
                await using var write = db.Command(transaction, state.Version == 0
                        ? """
                          INSERT INTO alert_delivery_states (subscription_id, version, state_json)
                          SELECT @id, @version, @json WHERE EXISTS (SELECT 1 FROM alert_subscriptions WHERE id = @id)
                          ON CONFLICT (subscription_id) DO NOTHING;
                          """
                        : "UPDATE alert_delivery_states SET version = @version, state_json = @json WHERE subscription_id = @id AND version = @expected;")
                    .With("@id", saved.SubscriptionId)
                    .With("@version", saved.Version)
                    .With("@expected", state.Version)
                    .WithJson(database.Dialect, "@json", StoredJson.Serialize(saved));
                return await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1 ? saved : null;
            },
            cancellationToken);
    }
}
