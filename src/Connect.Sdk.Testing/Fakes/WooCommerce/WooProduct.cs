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

    public decimal Price { get; init; } = 19.99m;

    public required Instant Created { get; init; }

    public required Instant Modified { get; set; }

    public List<long> Variations { get; } = [];

    public bool IsVariation => Type == "variation";
}
