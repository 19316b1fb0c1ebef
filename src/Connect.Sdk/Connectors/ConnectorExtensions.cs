using Connect.Sdk.Features;

namespace Connect.Sdk.Connectors;

/// <summary>Conveniences for working with <see cref="IConnector"/>.</summary>
public static class ConnectorExtensions
{
    /// <summary>Returns the connector's implementation of a feature contract, or <see langword="null"/>.</summary>
    /// <typeparam name="TFeature">The feature contract, e.g. <see cref="Stock.IStockFeature"/>.</typeparam>
    /// <param name="connector">The connector.</param>
    /// <returns>The feature, or <see langword="null"/> when the connector does not implement it.</returns>
    public static TFeature? GetFeature<TFeature>(this IConnector connector)
        where TFeature : class, IFeature
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.Features.OfType<TFeature>().FirstOrDefault();
    }
}
