using Connect.Sdk.Settings;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="ISecretStore"/> in the SQLite file, for hosts without a vault of their own. The file keeps the
/// secrets unencrypted: protect it (file-system permissions, an encrypted disk), or supply a vault with
/// <c>UseSecretStore</c>, which wins over this store whether it is called before or after <c>UseSqlite</c>.
/// </summary>
/// <remarks>
/// Secret values are only ever bound as statement parameters and handed out as <see cref="SecretValue"/>; they
/// appear in no message, exception or log of this store, and <see cref="ToString"/> names only the file.
/// </remarks>
public sealed class SqliteSecretStore : ISecretStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteSecretStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _database.ReadAsync<SecretValue?>(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT value FROM secrets WHERE connection = $connection AND setting_key = $key;")
                    .With("$connection", connection.Value)
                    .With("$key", key);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string value ? new SecretValue(value) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(secret);
        await _database.ExecuteAsync(
            "INSERT INTO secrets (connection, setting_key, value) VALUES ($connection, $key, $value) ON CONFLICT (connection, setting_key) DO UPDATE SET value = excluded.value;",
            command => command.With("$connection", connection.Value).With("$key", key).With("$value", secret.Reveal()),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _database.ExecuteAsync(
            "DELETE FROM secrets WHERE connection = $connection AND setting_key = $key;",
            command => command.With("$connection", connection.Value).With("$key", key),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite secret store in {_database.Path}";
}
