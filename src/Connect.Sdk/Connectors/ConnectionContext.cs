using Connect.Sdk.Settings;

namespace Connect.Sdk.Connectors;

/// <summary>
/// Everything a connector needs to act for one connection: its id, its plain settings and access to
/// its secrets. Created by the SDK for each call into a connector.
/// </summary>
public sealed class ConnectionContext
{
    private readonly ISecretStore _secrets;

    /// <summary>Creates a context; the SDK does this, tests and the conformance kit may too.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="connectorId">The connector type of the connection.</param>
    /// <param name="settings">The connection's settings.</param>
    /// <param name="secrets">Where the connection's secrets are kept.</param>
    public ConnectionContext(ConnectionId connectionId, ConnectorId connectorId, ConnectionSettings settings, ISecretStore secrets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        ConnectionId = connectionId;
        ConnectorId = connectorId;
        Settings = settings;
        _secrets = secrets;
    }

    /// <summary>The connection.</summary>
    public ConnectionId ConnectionId { get; }

    /// <summary>The connector type of the connection.</summary>
    public ConnectorId ConnectorId { get; }

    /// <summary>The connection's plain settings and which secrets are set.</summary>
    public ConnectionSettings Settings { get; }

    /// <summary>Reads a secret setting; the caller reveals it only to put it on the wire.</summary>
    /// <param name="key">The secret field key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="ConnectSdkException">No secret is stored under <paramref name="key"/>.</exception>
    public async ValueTask<SecretValue> GetSecretAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return await _secrets.GetAsync(ConnectionId, key, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionSettingException(key, $"Connection '{ConnectionId}' has no secret '{key}' stored.") { ConnectionId = ConnectionId };
    }

    /// <inheritdoc />
    public override string ToString() => $"{ConnectionId} ({ConnectorId})";
}
