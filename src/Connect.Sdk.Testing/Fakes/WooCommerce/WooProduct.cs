using NodaTime;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>A product or variation as the WooCommerce fake holds it.</summary>
internal sealed class WooProduct
{
    public required long Id { get; init; }

    /// <summary>The variable product a variation belongs to; zero for products.</summary>
    public long ParentId { get; init; }

    /// <summary><c>simple</c>, <c>variable</c> or <c>variation</c>.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required string Sku { get; init; }

    public bool ManageStock { get; set; }

    public int? StockQuantity { get; set; }

    /// <summary>The <c>regular_price</c> as WooCommerce stores it (<c>wc_format_decimal</c> of what was sent); <c>""</c> for none.</summary>
    public string RegularPrice { get; set; } = "19.99";

    /// <summary>The <c>sale_price</c> as stored; <c>""</c> for none.</summary>
    public string SalePrice { get; set; } = string.Empty;

    /// <summary>The <c>date_on_sale_from</c>: the sale price counts from then on; <see langword="null"/> for no start.</summary>
    public Instant? SaleFrom { get; set; }

    /// <summary>The <c>date_on_sale_to</c>: the sale price counts until then; <see langword="null"/> for no end.</summary>
    public Instant? SaleTo { get; set; }

    /// <summary>The fake's clock, which the sale dates are compared with.</summary>
    public required IClock Clock { get; init; }

    /// <summary>
    /// WooCommerce's <c>is_on_sale</c>: a sale price is set and below the regular price, and now is within the sale dates
    /// that are set. A sale price at or above the regular one is kept but not shown.
    /// </summary>
    public bool OnSale =>
        Parse(SalePrice) is { } sale && Parse(RegularPrice) is { } regular && regular > sale
        && Clock.GetCurrentInstant() is var now && !(SaleFrom > now) && !(SaleTo < now);

    /// <summary>The <c>price</c> the shop sells at: the sale price when on sale, else the regular price; <c>""</c> for none.</summary>
    public string Price => OnSale ? SalePrice : RegularPrice;

    public required Instant Created { get; init; }

    public required Instant Modified { get; set; }

    public List<long> Variations { get; } = [];

    public bool IsVariation => Type == "variation";

    /// <summary>A stored amount as a number; <see langword="null"/> for <c>""</c>.</summary>
    public static decimal? Parse(string stored) =>
        decimal.TryParse(stored, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
}
