using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="ISecretStore"/> in PostgreSQL, one row per connection and setting key. Every value is protected by an
/// <see cref="ISecretProtector"/> before it is written, and each row records the protector's scheme, so the database,
/// its dumps and its replicas hold no credential in plain text. Plain text only through <see cref="DangerouslyInPlainText"/>.
/// </summary>
/// <remarks>
/// <para>
/// Opening the store (<see cref="OpenAsync"/>, or its first use) protects the rows an older package wrote in plain text
/// and reads one protected row back, to fail early, with a message naming the key ring, when the keys are missing.
/// </para>
/// <para>
/// Secret values are only ever bound as statement parameters and handed out as <see cref="SecretValue"/>; they appear in
/// no message, exception or log of this store, and <see cref="ToString"/> names only the database.
/// </para>
/// </remarks>
public sealed class PostgreSqlSecretStore : ISecretStore
{
    private readonly RelationalSecretStore _store;

    /// <summary>Creates the store on a database, protecting every secret with <paramref name="protector"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="protector">Encrypts values before they are written; <c>Connect.Sdk.Secrets.DataProtection</c> has the default one.</param>
    public PostgreSqlSecretStore(PostgreSqlDatabase database, ISecretProtector protector)
        : this(database, protector ?? throw new ArgumentNullException(nameof(protector)), plainText: false)
    {
    }

    private PostgreSqlSecretStore(PostgreSqlDatabase database, ISecretProtector? protector, bool plainText)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalSecretStore(
            new PostgreSqlRelationalDatabase(database),
            plainText ? null : protector,
            $"{nameof(PostgreSqlStoreOptions)}.{nameof(PostgreSqlStoreOptions.DangerouslyStoreSecretsInPlainText)}");
    }

    /// <summary>
    /// A store that writes secrets in plain text: whoever reads the database, a dump or a replica of it reads every
    /// credential. Only for a database whose storage is itself encrypted and access-controlled; a database with protected
    /// secrets is refused.
    /// </summary>
    /// <param name="database">The database.</param>
    /// <returns>The store.</returns>
    public static PostgreSqlSecretStore DangerouslyInPlainText(PostgreSqlDatabase database) => new(database, null, plainText: true);

    /// <summary>
    /// Brings the database's secrets to this store's protection and checks that they can be read: protects every
    /// plain-text row (with a protector), refuses protected rows (in plain text), and unprotects one row to prove the keys
    /// are there. The store does this on first use; a host calls it at start-up to fail early (<c>UsePostgreSql</c> does).
    /// </summary>
    /// <param name="cancellationToken">Cancels the work; nothing is protected unless all plain rows are.</param>
    /// <returns>A task that completes when the secrets are protected and readable.</returns>
    /// <exception cref="SecretProtectionException">A protected secret cannot be read with this store's protector.</exception>
    /// <exception cref="ConnectSdkException">The database holds protected secrets and this store keeps them in plain text.</exception>
    public Task OpenAsync(CancellationToken cancellationToken) => _store.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, key, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken) =>
        _store.SetAsync(connection, key, secret, cancellationToken);

    /// <inheritdoc />
    public ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken) =>
        _store.RemoveAsync(connection, key, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => _store.ToString();
}
