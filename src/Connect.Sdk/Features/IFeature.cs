namespace Connect.Sdk.Features;

/// <summary>
/// One feature a connector implements. Each kind has its own typed contract:
/// <see cref="Stock.IStockFeature"/>, <see cref="Orders.IOrdersFeature"/>,
/// <see cref="Shipments.IOrderStatusFeature"/> and <see cref="Prices.IPriceFeature"/>.
/// </summary>
public interface IFeature
{
    /// <summary>The kind of feature.</summary>
    FeatureKind Kind { get; }
}
