using System.Text;
using System.Text.Json;
using Connect.Sdk.RateLimits;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The <c>flights</c> column of <c>rate_budgets</c>: an account's units in flight by process, as a JSON array of
/// <c>{"owner": …, "refill": nanoseconds, "until": Unix ticks}</c>. JSON because the migration that brought the column in
/// writes the units in flight from before into it with the database's own JSON functions.
/// </summary>
internal static class RateBudgetFlightsColumn
{
    private const string Empty = "[]";

    public static string ToStored(IReadOnlyList<RateBudgetFlight> flights)
    {
        if (flights.Count == 0)
        {
            return Empty;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var flight in flights)
            {
                writer.WriteStartObject();
                writer.WriteString("owner", flight.Owner);
                writer.WriteNumber("refill", flight.Refill.ToInt64Nanoseconds());
                writer.WriteNumber("until", flight.Until.ToUnixTimeTicks());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The flights of a stored value. A value that is not such an array (edited by hand, damaged) reads as no flights: the
    /// units in flight then count as of no process until the account is quiet, and the next write of any process
    /// replaces the value, where failing the read would stop the account's pacing until someone repaired the row.
    /// </summary>
    public static IReadOnlyList<RateBudgetFlight> Parse(string stored)
    {
        if (stored == Empty)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(stored);
            return [.. document.RootElement.EnumerateArray().Select(static flight => new RateBudgetFlight(
                flight.GetProperty("owner").GetString() ?? string.Empty,
                Duration.FromNanoseconds(flight.GetProperty("refill").GetInt64()),
                Instant.FromUnixTimeTicks(flight.GetProperty("until").GetInt64())))];
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            return [];
        }
    }
}
