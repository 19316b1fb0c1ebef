using System.Collections.Concurrent;

namespace Connect.Sdk.Settings;

/// <summary>
/// An <see cref="ISecretStore"/> that keeps secrets in process memory: for tests and samples only,
/// since the secrets are gone when the process ends.
/// </summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<(ConnectionId Connection, string Key), SecretValue> _secrets = new();

    /// <inheritdoc />
    public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_secrets.TryGetValue((connection, key), out var secret) ? secret : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        cancellationToken.ThrowIfCancellationRequested();
        _secrets[(connection, key)] = secret;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _secrets.TryRemove((connection, key), out _);
        return ValueTask.CompletedTask;
    }
}
