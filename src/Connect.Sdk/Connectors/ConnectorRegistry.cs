using System.Collections.Frozen;

namespace Connect.Sdk.Connectors;

/// <summary>
/// The connectors registered with the SDK, by id. Built once at start-up from the connectors added with
/// <c>AddConnector</c>; two connectors with the same id are refused.
/// </summary>
public sealed class ConnectorRegistry
{
    private readonly FrozenDictionary<ConnectorId, IConnector> _connectors;

    /// <summary>Creates a registry.</summary>
    /// <param name="connectors">The connectors.</param>
    /// <exception cref="ArgumentException">Two connectors share an id.</exception>
    public ConnectorRegistry(IEnumerable<IConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        var list = connectors.ToArray();
        var duplicate = list.GroupBy(c => c.Descriptor.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Connector id '{duplicate.Key}' is registered {duplicate.Count()} times ({string.Join(", ", duplicate.Select(c => c.GetType().Name))}).",
                nameof(connectors));
        }

        _connectors = list.ToFrozenDictionary(c => c.Descriptor.Id);
    }

    /// <summary>Every registered connector.</summary>
    public IEnumerable<IConnector> All => _connectors.Values;

    /// <summary>Finds a connector.</summary>
    /// <param name="id">The connector id.</param>
    /// <returns>The connector, or <see langword="null"/> when none is registered with that id.</returns>
    public IConnector? Find(ConnectorId id) => _connectors.GetValueOrDefault(id);

    /// <summary>Gets a connector that must be registered.</summary>
    /// <param name="id">The connector id.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="ConnectSdkException">No connector is registered with that id.</exception>
    public IConnector Get(ConnectorId id) =>
        Find(id) ?? throw new ConnectSdkException(
            $"No connector '{id}' is registered. Registered: {string.Join(", ", _connectors.Keys.Select(k => k.Value).Order(StringComparer.Ordinal))}. Add it with AddConnector.");
}
