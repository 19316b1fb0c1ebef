namespace Connect.Sdk.Settings;

/// <summary>
/// Encrypts secrets before a store writes them to disk and decrypts them when it reads them back, so that the database
/// file, its journal and its backups never hold a credential in plain text. A SQL store (SQLite, PostgreSQL, the ERP's
/// own database) takes one of these and keeps, beside each protected value, the <see cref="Scheme"/> that wrote it.
/// </summary>
/// <remarks>
/// A protector binds each value to its row: a value protected for one connection and key does not unprotect for
/// another, so copying a row's ciphertext to another connection yields an error, not that connection's credential.
/// <c>Connect.Sdk.Secrets.DataProtection</c> implements it with ASP.NET Core Data Protection; a host with a vault
/// (a key-management service that wraps data keys) implements it the same way. See docs/storage.md.
/// </remarks>
public interface ISecretProtector
{
    /// <summary>
    /// The stable name a store records beside every value this protector wrote, e.g. <c>data-protection</c>; a store
    /// refuses a value written under another scheme rather than handing out garbage.
    /// </summary>
    string Scheme { get; }

    /// <summary>Protects a secret for the row it is stored in.</summary>
    /// <param name="connection">The connection the secret belongs to.</param>
    /// <param name="key">The setting key, e.g. <c>accessToken</c>.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Text to store; it never contains the secret.</returns>
    ValueTask<string> ProtectAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken);

    /// <summary>Reads back a secret that <see cref="ProtectAsync"/> protected for the same row.</summary>
    /// <param name="connection">The connection the secret belongs to.</param>
    /// <param name="key">The setting key.</param>
    /// <param name="protectedValue">The stored text.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SecretProtectionException">
    /// The text was changed, belongs to another row, or was protected with a key this protector does not have.
    /// </exception>
    ValueTask<SecretValue> UnprotectAsync(ConnectionId connection, string key, string protectedValue, CancellationToken cancellationToken);
}
