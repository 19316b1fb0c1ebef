using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="ISecretStore"/> in the SQLite file, for hosts without a vault of their own. Every value is protected by
/// an <see cref="ISecretProtector"/> before it is written, and each row records the protector's scheme, so the file,
/// its WAL and its backups hold no credential in plain text. Plain text only through <see cref="DangerouslyInPlainText"/>.
/// </summary>
/// <remarks>
/// <para>
/// Opening the store (<see cref="OpenAsync"/>, or its first use) protects the rows an older package wrote in plain text,
/// overwriting the plain values in the file (<c>secure_delete</c>) and emptying the WAL, and reads one protected row back
/// to fail early, with a message naming the key ring, when the keys are missing.
/// </para>
/// <para>
/// Secret values are only ever bound as statement parameters and handed out as <see cref="SecretValue"/>; they appear in
/// no message, exception or log of this store, and <see cref="ToString"/> names only the file.
/// </para>
/// </remarks>
public sealed class SqliteSecretStore : ISecretStore
{
    private readonly SqliteDatabase _database;
    private readonly ISecretProtector? _protector;
    private volatile bool _opened;

    /// <summary>Creates the store on a database, protecting every secret with <paramref name="protector"/>.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="protector">Encrypts values before they are written; <c>Connect.Sdk.Secrets.DataProtection</c> has the default one.</param>
    public SqliteSecretStore(SqliteDatabase database, ISecretProtector protector)
        : this(database, protector, plainText: false)
    {
        ArgumentNullException.ThrowIfNull(protector);
    }

    private SqliteSecretStore(SqliteDatabase database, ISecretProtector? protector, bool plainText)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _protector = plainText ? null : protector;
    }

    /// <summary>
    /// A store that writes secrets in plain text: whoever reads the file, a copy of it or a backup reads every credential.
    /// Only for a file that is itself encrypted and access-controlled; a file with protected secrets is refused.
    /// </summary>
    /// <param name="database">The database file.</param>
    /// <returns>The store.</returns>
    public static SqliteSecretStore DangerouslyInPlainText(SqliteDatabase database) => new(database, null, plainText: true);

    /// <summary>
    /// Brings the file's secrets to this store's protection and checks that they can be read: protects every plain-text
    /// row (with a protector), refuses protected rows (in plain text), and unprotects one row to prove the keys are there.
    /// The store does this on first use; a host calls it at start-up to fail early (<c>UseSqlite</c> does).
    /// </summary>
    /// <param name="cancellationToken">Cancels the work; rows protected so far stay protected.</param>
    /// <returns>A task that completes when the secrets are protected and readable.</returns>
    /// <exception cref="SecretProtectionException">A protected secret cannot be read with this store's protector.</exception>
    /// <exception cref="ConnectSdkException">The file holds protected secrets and this store keeps them in plain text.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        // Two callers at once may both do this: the second finds nothing left to protect.
        var protectedRows = await _database.WriteAsync((db, transaction, ct) => BringToThisProtectionAsync(db, transaction, ct), cancellationToken).ConfigureAwait(false);
        if (protectedRows > 0)
        {
            // The plain values were overwritten in the pages; the WAL still holds the pages as they were before.
            await _database.TruncateWalAsync(cancellationToken).ConfigureAwait(false);
        }

        var sample = await _database.ReadAsync(
            async (db, ct) =>
            {
                await using var command = db.Command(null, $"SELECT connection, setting_key, value, protection FROM secrets WHERE protection <> '{SecretSchema.PlainText}' LIMIT 1;");
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
        var stored = await _database.ReadAsync(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT value, protection FROM secrets WHERE connection = $connection AND setting_key = $key;")
                    .With("$connection", connection.Value)
                    .With("$key", key);
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
        var value = _protector is null ? secret.Reveal() : await _protector.ProtectAsync(connection, key, secret, cancellationToken).ConfigureAwait(false);
        await WriteOverwritingAsync(
            "INSERT INTO secrets (connection, setting_key, value, protection) VALUES ($connection, $key, $value, $protection) ON CONFLICT (connection, setting_key) DO UPDATE SET value = excluded.value, protection = excluded.protection;",
            command => command.With("$connection", connection.Value).With("$key", key).With("$value", value).With("$protection", Scheme),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await WriteOverwritingAsync(
            "DELETE FROM secrets WHERE connection = $connection AND setting_key = $key;",
            command => command.With("$connection", connection.Value).With("$key", key),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => _protector is null
        ? $"SQLite secret store in {_database.Path} (plain text)"
        : $"SQLite secret store in {_database.Path} (protected: {_protector.Scheme})";

    private string Scheme => _protector?.Scheme ?? SecretSchema.PlainText;

    private async ValueTask EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A write whose replaced or deleted values are zeroed in the file rather than left in its free space.</summary>
    private ValueTask<int> WriteOverwritingAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await SecureDeleteAsync(db, transaction, ct).ConfigureAwait(false);
                await using var command = db.Command(transaction, sql);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    private async ValueTask<int> BringToThisProtectionAsync(SqliteConnection db, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (_protector is null)
        {
            await using var find = db.Command(transaction, $"SELECT protection FROM secrets WHERE protection <> '{SecretSchema.PlainText}' LIMIT 1;");
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string scheme)
            {
                throw new ConnectSdkException(
                    $"The secrets in {_database.Path} are protected ('{scheme}'), but {nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.DangerouslyStoreSecretsInPlainText)} is set, so this store has no keys to read them with. Remove that option and configure the keys they were protected with (ProtectSecretsWithDataProtection); the file is left as it is.");
            }

            return 0;
        }

        var plain = new List<StoredSecret>();
        await using (var select = db.Command(transaction, $"SELECT connection, setting_key, value FROM secrets WHERE protection = '{SecretSchema.PlainText}';"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                plain.Add(new(new ConnectionId(reader.GetString(0)), reader.GetString(1), reader.GetString(2), SecretSchema.PlainText));
            }
        }

        if (plain.Count == 0)
        {
            return 0;
        }

        await SecureDeleteAsync(db, transaction, cancellationToken).ConfigureAwait(false);
        await using var update = db.Command(transaction, "UPDATE secrets SET value = $value, protection = $protection WHERE connection = $connection AND setting_key = $key;");
        foreach (var row in plain)
        {
            var value = await _protector.ProtectAsync(row.Connection, row.Key, new SecretValue(row.Value), cancellationToken).ConfigureAwait(false);
            update.Rebind("$value", value).Rebind("$protection", _protector.Scheme).Rebind("$connection", row.Connection.Value).Rebind("$key", row.Key);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return plain.Count;
    }

    private ValueTask<SecretValue> RevealAsync(StoredSecret stored, CancellationToken cancellationToken) =>
        stored.RevealAsync(_protector, _database.Path, $"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.DangerouslyStoreSecretsInPlainText)}", cancellationToken);

    // The setting stays on the pooled connection afterwards: the other stores' writes then zero what they delete too,
    // which costs little and never harms.
    private static async ValueTask SecureDeleteAsync(SqliteConnection db, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var pragma = db.Command(transaction, "PRAGMA secure_delete = ON;");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
