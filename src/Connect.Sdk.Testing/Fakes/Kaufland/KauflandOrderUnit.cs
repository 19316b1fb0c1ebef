using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>One order unit (one piece of one unit in an order) on the fake, with what the send route recorded.</summary>
internal sealed class KauflandOrderUnit
{
    public required long IdOrderUnit { get; init; }

    public required string IdOrder { get; init; }

    public required KauflandUnit Unit { get; init; }

    // The line of the seeded order the piece belongs to, for ShipmentsOf.
    public required string SeededLineId { get; init; }

    public required string Status { get; set; }

    public required long Price { get; init; }

    public required long ShippingRate { get; init; }

    public required string Title { get; init; }

    public decimal? Vat { get; init; }

    public required Instant Created { get; init; }

    public required Instant Updated { get; set; }

    public string? CarrierCode { get; set; }

    public string? TrackingNumbers { get; set; }

    public int SentInCall { get; set; }
}
