namespace Connect.Sdk.Settings;

/// <summary>
/// Where the host keeps the secret settings of connections (tokens, keys). Supplied by the host, for
/// example backed by a key vault; <see cref="InMemorySecretStore"/> serves tests and samples.
/// </summary>
public interface ISecretStore
{
    /// <summary>Reads a secret setting of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="key">The setting key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The secret, or <see langword="null"/> when none is stored.</returns>
    ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken);

    /// <summary>Stores or replaces a secret setting of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="key">The setting key.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the secret is stored.</returns>
    ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken);

    /// <summary>Removes a secret setting of a connection; does nothing when none is stored.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="key">The setting key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the secret is gone.</returns>
    ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken);
}
