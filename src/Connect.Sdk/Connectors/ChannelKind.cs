namespace Connect.Sdk.Connectors;

/// <summary>Whether a connector talks to the seller's own online shop or to a marketplace.</summary>
public enum ChannelKind
{
    /// <summary>The seller's own online shop (Shopify, WooCommerce, Shopware).</summary>
    Shop,

    /// <summary>A marketplace run by someone else (Amazon, eBay, Kaufland, OTTO, Mirakl).</summary>
    Marketplace,
}
