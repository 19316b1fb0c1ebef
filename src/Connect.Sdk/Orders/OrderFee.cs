namespace Connect.Sdk.Orders;

/// <summary>A charge on an order that is neither an article nor shipping, such as a WooCommerce fee line.</summary>
public sealed record OrderFee
{
    /// <summary>The fee's name as the marketplace shows it, e.g. <c>Cash on delivery</c>.</summary>
    public required string Title { get; init; }

    /// <summary>What the buyer pays for it, gross or net as the order's <see cref="MarketplaceOrder.PricesIncludeTax"/> says; negative for a credit.</summary>
    public required Money Amount { get; init; }

    /// <summary>The tax on it, when the marketplace sends it; included in <see cref="Amount"/> when prices include tax, added to it when they do not.</summary>
    public Money? TaxAmount { get; init; }
}
