using System.Globalization;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.WooCommerce.Shipments;

/// <summary>
/// The order note that carries a parcel's tracking, since WooCommerce core has no tracking field:
/// <c>Tracking: {carrier} {number}</c>, then <c>Items: {line id}x{quantity}, …</c> and the tracking link when the ERP
/// has one. The buyer sees it (a customer note) and is e-mailed about it.
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

        return shipment.TrackingUrl is { } url ? note + "\n" + url.AbsoluteUri : note;
    }

    /// <summary>Whether a note already carries this parcel's tracking: the repeat of an export must not add it twice.</summary>
    /// <param name="note">A note of the order.</param>
    /// <param name="trackingNumber">The parcel's tracking number.</param>
    /// <returns><see langword="true"/> when the note's tracking line names this number.</returns>
    public static bool Carries(string note, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(note);
        var firstLine = note.Split('\n', 2)[0].TrimEnd('\r');
        return firstLine.StartsWith("Tracking: ", StringComparison.Ordinal)
               && firstLine.EndsWith(" " + trackingNumber, StringComparison.Ordinal);
    }
}
