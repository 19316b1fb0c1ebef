using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Kaufland.Orders;

/// <summary>The Seller API's times: ISO 8601 with an offset or <c>Z</c> (changelog v2: "All timestamps in the new API follow ISO 8601").</summary>
internal static class KauflandTime
{
    private static readonly InstantPattern Filter = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    /// <summary>Parses a time as sent.</summary>
    /// <param name="text">E.g. <c>2016-05-31T13:59:23Z</c> or <c>2016-05-31T15:59:23+02:00</c>.</param>
    /// <param name="field">The field, for the message.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="FormatException">The text is no such time.</exception>
    public static Instant Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return parsed.Success ? parsed.Value.ToInstant() : throw new FormatException($"{field} '{text}' is not an ISO 8601 time such as 2016-05-31T13:59:23Z");
    }

    /// <summary>A time as a filter parameter takes it: <c>YYYY-MM-ddTHH:mm:ssZ</c>.</summary>
    /// <param name="instant">The time.</param>
    /// <returns>The text.</returns>
    public static string Format(Instant instant) => Filter.Format(instant);
}
