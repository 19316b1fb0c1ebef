namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>One offer of the shop: its shop SKU, the product it sells, its quantity and prices.</summary>
internal sealed class MiraklOffer
{
    public required string ShopSku { get; init; }

    public required string ProductSku { get; init; }

    public int Quantity { get; set; }

    /// <summary>The offer's price (PRI01 <c>price</c>), the origin price while a discount runs.</summary>
    public decimal Price { get; set; } = 19.99m;

    /// <summary>The discount price (PRI01 <c>discount-price</c>), or <see langword="null"/> for none.</summary>
    public decimal? DiscountPrice { get; set; }
}
