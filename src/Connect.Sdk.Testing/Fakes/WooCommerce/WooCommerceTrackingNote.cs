using System.Globalization;
using System.Text.RegularExpressions;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// The order-note format the WooCommerce fake reads shipments from. WooCommerce core has no tracking field, so
/// connectors add the tracking as an order note (<c>POST /orders/{id}/notes</c>). The fake recognises a note
/// whose first line is <c>Tracking: {carrier} {number}</c> (carrier one word, number the rest), optionally
/// followed by a line <c>Items: {line_id}x{quantity}, …</c>; without it the shipment holds every line in full. A line id
/// is WooCommerce's <c>line_items[].id</c> as the connector imported it, or whatever line id the ERP passed on (a note is
/// free text), so any token without spaces or commas is read back as written.
/// </summary>
public static partial class WooCommerceTrackingNote
{
    /// <summary>Writes a note in the recognised format.</summary>
    /// <param name="carrier">The carrier, one word (e.g. <c>DHL</c>).</param>
    /// <param name="trackingNumber">The tracking number.</param>
    /// <param name="lines">The shipped lines, or <see langword="null"/> for every line in full.</param>
    /// <returns>The note text.</returns>
    public static string Format(string carrier, string trackingNumber, IEnumerable<ShippedLine>? lines = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrier);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        var note = $"Tracking: {carrier} {trackingNumber}";
        return lines is null
            ? note
            : note + "\nItems: " + string.Join(", ", lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.LineId}x{l.Quantity}")));
    }

    /// <summary>Reads a note in the recognised format.</summary>
    /// <param name="note">The note text.</param>
    /// <param name="carrier">The carrier.</param>
    /// <param name="trackingNumber">The tracking number.</param>
    /// <param name="lines">The shipped lines, or <see langword="null"/> when the note names none (every line in full).</param>
    /// <returns><see langword="true"/> when the note is a tracking note.</returns>
    public static bool TryParse(string note, out string carrier, out string trackingNumber, out IReadOnlyList<ShippedLine>? lines)
    {
        ArgumentNullException.ThrowIfNull(note);
        carrier = trackingNumber = string.Empty;
        lines = null;
        var match = Tracking().Match(note);
        if (!match.Success)
        {
            return false;
        }

        carrier = match.Groups["carrier"].Value;
        trackingNumber = match.Groups["number"].Value.Trim();
        if (match.Groups["items"].Success)
        {
            lines = Item().Matches(match.Groups["items"].Value)
                .Select(m => new ShippedLine(m.Groups["line"].Value, int.Parse(m.Groups["quantity"].Value, CultureInfo.InvariantCulture)))
                .ToArray();
        }

        return true;
    }

    [GeneratedRegex(@"\ATracking:[ \t]+(?<carrier>\S+)[ \t]+(?<number>[^\r\n]+)(\r?\nItems:(?<items>[^\r\n]*))?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Tracking();

    [GeneratedRegex(@"(?<line>[^\s,]+)x(?<quantity>\d+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Item();
}
