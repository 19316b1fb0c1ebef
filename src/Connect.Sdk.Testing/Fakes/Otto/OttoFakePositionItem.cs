using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>One piece of an order on the OTTO fake: OTTO lists every piece as a position item of its own.</summary>
internal sealed class OttoFakePositionItem
{
    public required string PositionItemId { get; init; }

    /// <summary>The seeded order line this piece came from, so shipments read back as the seeded lines.</summary>
    public required string LineId { get; init; }

    public required string Sku { get; init; }

    public required string Title { get; init; }

    /// <summary>The VAT rate in percent, as OTTO's <c>product.vatRate</c> (19 for 19 %).</summary>
    public required decimal VatRatePercent { get; init; }

    /// <summary>The price before the piece's discount, as OTTO's <c>itemValueGrossPrice</c>.</summary>
    public required decimal GrossPrice { get; init; }

    /// <summary>The piece's discount, as OTTO's <c>itemValueDiscount</c>.</summary>
    public decimal? Discount { get; init; }

    /// <summary>What the buyer pays for the piece, as OTTO's <c>itemValueReducedGrossPrice</c>.</summary>
    public decimal PaidPrice => GrossPrice - (Discount ?? 0m);

    public required string Currency { get; init; }

    public required string FulfillmentStatus { get; set; }

    public Instant? SentDate { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }
}
