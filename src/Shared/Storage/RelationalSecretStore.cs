using System.Data.Common;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The secret store of the SQL stores, one row per connection and setting key. Every value is protected by an
/// <see cref="ISecretProtector"/> before it is written (unless the store keeps plain text), and each row records the
/// protector's scheme. Opening protects the rows an older package wrote in plain text, zeroing the plain values where
/// the database keeps them in its pages, and reads one protected row back to fail early when the keys are missing.
/// Secret values are only ever bound as statement parameters and handed out as <see cref="SecretValue"/>.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="protector">Protects values; <see langword="null"/> keeps them in plain text.</param>
/// <param name="plainTextOption">The option that asks for plain text, for messages, e.g. <c>SqliteStoreOptions.DangerouslyStoreSecretsInPlainText</c>.</param>
internal sealed class RelationalSecretStore(RelationalDatabase database, ISecretProtector? protector, string plainTextOption) : ISecretStore
{
    private volatile bool _opened;

    /// <summary>Brings the database's secrets to this store's protection and checks that they can be read.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        // Several processes may open at once: the plain rows are read locked for update (or the transaction excludes
        // other writers), so each is protected once and the second finds nothing left to protect.
        var protectedRows = await database.WriteAsync(BringToThisProtectionAsync, cancellationToken).ConfigureAwait(false);
        if (protectedRows > 0)
        {
            await database.DiscardOldPageVersionsAsync(cancellationToken).ConfigureAwait(false);
        }

        var sample = await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, $"SELECT connection, setting_key, value, protection FROM secrets WHERE protection <> '{StoredSecret.PlainText}' LIMIT 1;");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new StoredSecret(new ConnectionId(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3))
                    : null;
            },
            cancellationToken).ConfigureAwait(false);
        if (sample is not null)
        {
            await RevealAsync(sample, cancellationToken).ConfigureAwait(false);
        }

        _opened = true;
    }

    /// <inheritdoc />
    public async ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var stored = await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT value, protection FROM secrets WHERE connection = @connection AND setting_key = @key;")
                    .With("@connection", connection.Value)
                    .With("@key", key);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? new StoredSecret(connection, key, reader.GetString(0), reader.GetString(1)) : null;
            },
            cancellationToken).ConfigureAwait(false);
        return stored is null ? null : await RevealAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(secret);
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var value = protector is null ? secret.Reveal() : await protector.ProtectAsync(connection, key, secret, cancellationToken).ConfigureAwait(false);
        await WriteOverwritingAsync(
            "INSERT INTO secrets (connection, setting_key, value, protection) VALUES (@connection, @key, @value, @protection) ON CONFLICT (connection, setting_key) DO UPDATE SET value = excluded.value, protection = excluded.protection;",
            command => command.With("@connection", connection.Value).With("@key", key).With("@value", value).With("@protection", Scheme),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await WriteOverwritingAsync(
            "DELETE FROM secrets WHERE connection = @connection AND setting_key = @key;",
            command => command.With("@connection", connection.Value).With("@key", key),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => protector is null
        ? $"{database.Product} secret store in {database.Description} (plain text)"
        : $"{database.Product} secret store in {database.Description} (protected: {protector.Scheme})";

    private string Scheme => protector?.Scheme ?? StoredSecret.PlainText;

    private async ValueTask EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A write whose replaced or deleted values are zeroed rather than left in the database's free space.</summary>
    private ValueTask<int> WriteOverwritingAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await database.ZeroFreedSpaceAsync(db, transaction, ct).ConfigureAwait(false);
                await using var command = db.Command(transaction, sql);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    private async ValueTask<int> BringToThisProtectionAsync(DbConnection db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (protector is null)
        {
            await using var find = db.Command(transaction, $"SELECT protection FROM secrets WHERE protection <> '{StoredSecret.PlainText}' LIMIT 1;");
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string scheme)
            {
                throw new ConnectSdkException(
                    $"The secrets in {database.Description} are protected ('{scheme}'), but {plainTextOption} is set, so this store has no keys to read them with. Remove that option and configure the keys they were protected with (ProtectSecretsWithDataProtection); the {database.Noun} is left as it is.");
            }

            return 0;
        }

        var plain = new List<StoredSecret>();
        await using (var select = db.Command(transaction, $"SELECT connection, setting_key, value FROM secrets WHERE protection = '{StoredSecret.PlainText}'{database.Dialect.LockForUpdate};"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                plain.Add(new(new ConnectionId(reader.GetString(0)), reader.GetString(1), reader.GetString(2), StoredSecret.PlainText));
            }
        }

        if (plain.Count == 0)
        {
            return 0;
        }

        await database.ZeroFreedSpaceAsync(db, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var row in plain)
        {
            var value = await protector.ProtectAsync(row.Connection, row.Key, new SecretValue(row.Value), cancellationToken).ConfigureAwait(false);
            await using var update = db.Command(transaction, "UPDATE secrets SET value = @value, protection = @protection WHERE connection = @connection AND setting_key = @key;")
                .With("@value", value)
                .With("@protection", protector.Scheme)
                .With("@connection", row.Connection.Value)
                .With("@key", row.Key);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return plain.Count;
    }

    private ValueTask<SecretValue> RevealAsync(StoredSecret stored, CancellationToken cancellationToken) =>
        stored.RevealAsync(protector, database.Description, plainTextOption, cancellationToken);
}
