using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>
/// One parcel of an order with its tracking number. An order shipped in several parcels (a partial
/// shipment) has several shipments.
/// </summary>
public sealed record Shipment
{
    /// <summary>The ERP's id of the shipment; stable, so an export repeated after a crash is recognised.</summary>
    public required string ShipmentId { get; init; }

    /// <summary>The carrier.</summary>
    public required Carrier Carrier { get; init; }

    /// <summary>The carrier's tracking number.</summary>
    public required string TrackingNumber { get; init; }

    /// <summary>A link to the carrier's tracking page, if the ERP has one.</summary>
    public Uri? TrackingUrl { get; init; }

    /// <summary>When the parcel was handed to the carrier.</summary>
    public required Instant ShippedAt { get; init; }

    /// <summary>The lines, or parts of lines, in this parcel.</summary>
    public required IReadOnlyList<ShippedLine> Lines { get; init; }
}
