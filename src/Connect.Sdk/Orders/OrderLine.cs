using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Orders;

/// <summary>One line of a marketplace order.</summary>
public sealed record OrderLine
{
    /// <summary>The marketplace's id of the line (needed to ship it).</summary>
    public required string LineId { get; init; }

    /// <summary>
    /// The marketplace's identifier of the article, with its label; <see langword="null"/> when the
    /// marketplace sent none (a custom line). The SDK maps it back to an ERP article.
    /// </summary>
    public ForeignNumber? ForeignNumber { get; init; }

    /// <summary>The seller SKU the marketplace shows on the line, if any.</summary>
    public string? Sku { get; init; }

    /// <summary>The article title as ordered.</summary>
    public required string Title { get; init; }

    /// <summary>The quantity ordered; at least one.</summary>
    public required int Quantity { get; init; }

    /// <summary>The price of one unit, after line discounts; gross or net as the order's <see cref="MarketplaceOrder.PricesIncludeTax"/> says.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>The tax rate of the line as a fraction (0.19 for 19 %), when the marketplace sends it.</summary>
    public decimal? TaxRate { get; init; }

    /// <summary>The tax amount of the whole line, when the marketplace sends it.</summary>
    public Money? TaxAmount { get; init; }

    /// <summary>The discount on the whole line, if any.</summary>
    public Money? Discount { get; init; }

    /// <summary>The line total: unit price times quantity.</summary>
    public Money Total => UnitPrice * Quantity;
}
