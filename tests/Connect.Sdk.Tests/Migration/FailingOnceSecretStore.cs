using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.Migration;

/// <summary>An in-memory secret store whose first write fails, after the connection's settings were saved.</summary>
internal sealed class FailingOnceSecretStore : ISecretStore
{
    private readonly InMemorySecretStore _inner = new();
    private bool _failed;

    public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken) =>
        _inner.GetAsync(connection, key, cancellationToken);

    public ValueTask SetAsync(ConnectionId connection, string key, SecretValue secret, CancellationToken cancellationToken)
    {
        if (!_failed)
        {
            _failed = true;
            throw new IOException("vault unreachable");
        }

        return _inner.SetAsync(connection, key, secret, cancellationToken);
    }

    public ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken) =>
        _inner.RemoveAsync(connection, key, cancellationToken);
}
