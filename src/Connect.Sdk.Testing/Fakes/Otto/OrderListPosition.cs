using System.Globalization;
using System.Text;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>Where a reader of the OTTO fake's order list is: the list's filter and sort, and the last order it was given.</summary>
/// <param name="ChangedFrom">The <c>fromDate</c> the list was asked with.</param>
/// <param name="Descending">Whether the list runs newest order date first.</param>
/// <param name="Last">The order date and sales order id of the last order given, or <see langword="null"/> before the first page.</param>
internal sealed record OrderListPosition(Instant ChangedFrom, bool Descending, (Instant OrderDate, string Id)? Last)
{
    /// <summary>Whether an order comes after the last one given, in the list's sort.</summary>
    public bool IsAfter(OttoFakeOrder order)
    {
        if (Last is not { } last)
        {
            return true;
        }

        var byDate = order.Seed.CreatedAt.CompareTo(last.OrderDate);
        var compared = byDate != 0 ? byDate : string.CompareOrdinal(order.SalesOrderId, last.Id);
        return Descending ? compared < 0 : compared > 0;
    }

    /// <summary>The position as an opaque cursor.</summary>
    public string Write() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{ChangedFrom.ToUnixTimeTicks()}|{(Descending ? 'D' : 'A')}|{Last?.OrderDate.ToUnixTimeTicks()}|{Last?.Id}")));

    /// <summary>Reads a cursor <see cref="Write"/> made, or <see langword="null"/> for anything else.</summary>
    public static OrderListPosition? Read(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|', 4);
            return parts.Length == 4
                && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
                && parts[1] is "A" or "D"
                && long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var last)
                ? new OrderListPosition(Instant.FromUnixTimeTicks(from), parts[1] == "D", (Instant.FromUnixTimeTicks(last), parts[3]))
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
