using System.Globalization;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.WooCommerce.Shipments;

/// <summary>
/// The order note that carries a parcel's tracking, since WooCommerce core has no tracking field:
/// <c>Tracking: {carrier} {number}</c>, then <c>Items: {line id}x{quantity}, …</c>, the tracking link when the ERP
/// has one, and <c>Shipment: {shipment id}</c>, the ERP's parcel reference that recognises the note again. The buyer sees
/// it (a customer note) and is e-mailed about it.
/// </summary>
internal static class TrackingNote
{
    /// <summary>Writes the note of a parcel.</summary>
    /// <param name="shipment">The parcel.</param>
    /// <returns>The note text.</returns>
    public static string Format(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);

        // One word for the carrier ("DHL-Express"), so the line stays "Tracking: {carrier} {number}" for people and tools alike.
        var carrier = string.Join('-', shipment.Carrier.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var note = $"Tracking: {carrier} {shipment.TrackingNumber}";
        if (shipment.Lines.Count > 0)
        {
            note += "\nItems: " + string.Join(", ", shipment.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.LineId}x{l.Quantity}")));
        }

        if (shipment.TrackingUrl is { } url)
        {
            note += "\n" + url.AbsoluteUri;
        }

        return note + "\n" + ShipmentPrefix + shipment.ShipmentId;
    }

    /// <summary>
    /// Whether a note already carries this parcel: the repeat of an export must not add it twice. A note the connector
    /// wrote names the ERP's shipment id, so two parcels under one tracking number are told apart and a corrected number
    /// is not sent as a new parcel; a note without one (written by hand or by an older version) is matched by its
    /// tracking number.
    /// </summary>
    /// <param name="note">A note of the order.</param>
    /// <param name="shipment">The parcel.</param>
    /// <returns><see langword="true"/> when the note is this parcel's tracking note.</returns>
    public static bool Carries(string note, Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(shipment);
        var lines = note.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (!lines[0].StartsWith("Tracking: ", StringComparison.Ordinal))
        {
            return false;
        }

        var reference = lines.FirstOrDefault(l => l.StartsWith(ShipmentPrefix, StringComparison.Ordinal));
        return reference is not null
            ? string.Equals(reference[ShipmentPrefix.Length..], shipment.ShipmentId, StringComparison.Ordinal)
            : lines[0].EndsWith(" " + shipment.TrackingNumber, StringComparison.Ordinal);
    }

    private const string ShipmentPrefix = "Shipment: ";
}
