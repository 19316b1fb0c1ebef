using Connect.Sdk.Settings;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// One row of a SQL secret store as the database holds it; <see cref="Value"/> is protected text unless
/// <see cref="Protection"/> is <see cref="PlainText"/>. Compiled into the PostgreSQL store too, so both read rows alike.
/// </summary>
internal sealed record StoredSecret(ConnectionId Connection, string Key, string Value, string Protection)
{
    /// <summary>What <c>protection</c> holds for a value kept as it was entered.</summary>
    public const string PlainText = "plain";

    /// <summary>
    /// The secret, unprotected by <paramref name="protector"/> (<see langword="null"/> for a store in plain text), or a
    /// <see cref="SecretProtectionException"/> naming the row, <paramref name="database"/> and what to configure.
    /// </summary>
    public async ValueTask<SecretValue> RevealAsync(ISecretProtector? protector, string database, string plainTextOption, CancellationToken cancellationToken)
    {
        if (Protection == PlainText)
        {
            // Only a writer in plain text or an older package leaves such a row; the next open protects it.
            return new SecretValue(Value);
        }

        if (protector is null || Protection != protector.Scheme)
        {
            var reader = protector is null
                ? $"this store keeps secrets in plain text ({plainTextOption})"
                : $"this store's protector is '{protector.Scheme}' ({protector})";
            throw new SecretProtectionException(
                Connection,
                Key,
                $"The secret '{Key}' of connection '{Connection}' in {database} is protected with '{Protection}', but {reader}. Configure the protector that wrote it.");
        }

        return await protector.UnprotectAsync(Connection, Key, Value, cancellationToken).ConfigureAwait(false);
    }

    // A record prints its members; this one must never print the value.
    public override string ToString() => $"secret '{Key}' of connection '{Connection}' ({Protection})";
}
