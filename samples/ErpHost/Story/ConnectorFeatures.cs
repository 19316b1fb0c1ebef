using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using ErpHost.Marketplaces;

namespace ErpHost.Story;

/// <summary>
/// What each marketplace's connector declares it can do. The story offers a feature only where the connector declares
/// it, the way an ERP's connection dialog does: prices for Shopify, WooCommerce and Amazon, not for Basar.
/// </summary>
internal sealed class ConnectorFeatures(ConnectorRegistry connectors)
{
    /// <summary>Whether the marketplace's connector declares the feature.</summary>
    public bool Offers(SampleMarketplace market, FeatureKind feature) => Descriptor(market).Supports(feature);

    /// <summary>The features the story brings live on the marketplace: stock, orders, order status, and prices where offered.</summary>
    public IReadOnlyList<FeatureKind> ToBringLive(SampleMarketplace market) =>
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, .. Offers(market, FeatureKind.Prices) ? [FeatureKind.Prices] : Array.Empty<FeatureKind>()];

    /// <summary>Says that the marketplace's connector does not offer prices, and what it offers instead.</summary>
    public string PricesNotOffered(SampleMarketplace market)
    {
        var descriptor = Descriptor(market);
        return $"prices are not offered by the {descriptor.DisplayName} connector (it offers {string.Join(", ", descriptor.SupportedFeatures)}), so connection {market.Connection} sends none";
    }

    private ConnectorDescriptor Descriptor(SampleMarketplace market) => connectors.Get(market.Connector).Descriptor;
}
