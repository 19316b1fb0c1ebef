namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>A product variant as the Shopify fake holds it: its ids, SKU, prices and the available quantity at the shop's location.</summary>
internal sealed class ShopifyVariant
{
    public required long Id { get; init; }

    public required long ProductId { get; init; }

    public required long InventoryItemId { get; init; }

    public required string Sku { get; init; }

    /// <summary>The variant's title: <c>Default Title</c> for a product without options.</summary>
    public required string Title { get; init; }

    public required int Available { get; set; }

    /// <summary>The variant's price in the shop's currency.</summary>
    public decimal Price { get; set; } = ShopifyFake.DefaultPrice;

    /// <summary>The price shown struck through beside it, or none.</summary>
    public decimal? CompareAtPrice { get; set; }

    /// <summary>Whether the variant is its product's only, default variant (a product without options).</summary>
    public bool IsDefaultVariant { get; init; }
}
