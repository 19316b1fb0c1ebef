using Connect.Sdk.Settings;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="ISecretStore"/> in PostgreSQL, one row per connection and setting key. The values are stored as given,
/// so the database's access control is their protection: restrict who may read the <c>secrets</c> table, or supply a
/// vault with <c>UseSecretStore</c>, which wins over this store.
/// </summary>
public sealed class PostgreSqlSecretStore : ISecretStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlSecretStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _database.ReadAsync<SecretValue?>(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT value FROM secrets WHERE connection = @connection AND setting_key = @key;")
                    .With("connection", connection.Value)
                    .With("key", key);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string stored ? FromStored(stored) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(secret);
        await _database.ExecuteAsync(
            "INSERT INTO secrets (connection, setting_key, value) VALUES (@connection, @key, @value) ON CONFLICT (connection, setting_key) DO UPDATE SET value = excluded.value;",
            command => command.With("connection", connection.Value).With("key", key).With("value", ToStored(secret)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _database.ExecuteAsync(
            "DELETE FROM secrets WHERE connection = @connection AND setting_key = @key;",
            command => command.With("connection", connection.Value).With("key", key),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL secret store in {_database}";

    // The one place a secret's value becomes the stored text and back: a protection of the values at rest (encryption
    // with a host-supplied key) belongs here, and nowhere else reads or writes the value column.
    private static string ToStored(SecretValue secret) => secret.Reveal();

    private static SecretValue FromStored(string stored) => new(stored);
}
