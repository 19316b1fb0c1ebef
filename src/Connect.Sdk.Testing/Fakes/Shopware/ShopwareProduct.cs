using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>A product or variant as the fake shop holds it.</summary>
internal sealed class ShopwareProduct
{
    public required string Id { get; init; }

    public string? ParentId { get; init; }

    public required string ProductNumber { get; init; }

    public required string Name { get; init; }

    public int Stock { get; set; }

    public decimal TaxRate { get; init; } = 19m;

    /// <summary>The price in the default currency: net, gross and linked, as the <c>price</c> field holds it.</summary>
    public ShopwarePrice? Price { get; set; }

    public required Instant CreatedAt { get; init; }

    public Instant? UpdatedAt { get; set; }
}

/// <summary>One <c>price</c> entry (default currency) and its <c>listPrice</c>.</summary>
/// <param name="Net">The net amount.</param>
/// <param name="Gross">The gross amount.</param>
/// <param name="Linked">Whether net and gross belong together (the Administration computes one from the other).</param>
/// <param name="ListNet">The list price's net amount, or <see langword="null"/> for no list price.</param>
/// <param name="ListGross">The list price's gross amount.</param>
internal sealed record ShopwarePrice(decimal Net, decimal Gross, bool Linked, decimal? ListNet, decimal? ListGross);
