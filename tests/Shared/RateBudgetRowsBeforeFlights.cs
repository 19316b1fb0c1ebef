using Connect.Sdk.RateLimits;
using NodaTime;
using Xunit;

namespace Connect.Sdk.TestSupport;

/// <summary>
/// Two accounts' rows as rate_budgets migration 2 left them, one with 32 units in flight and one without, and what
/// they read back as after migration 3: the SQLite and the PostgreSQL migration tests write and check the same rows.
/// </summary>
internal static class RateBudgetRowsBeforeFlights
{
    /// <summary>The rows, in SQL both databases run.</summary>
    public const string Insert = """
        INSERT INTO rate_budgets (account, full_at, paused_until, refill_per_unit, version, in_flight_refill)
        VALUES ('shopify:busy', 17799168001234567, 17799168000000001, 500000000, 41, 16000000000),
               ('shopify:quiet', 17799168001234567, 0, 500000000, 7, 0);
        """;

    /// <summary>
    /// Every number is kept; the busy account's units in flight became a flight of no process whose lease ends 10
    /// minutes after the bucket's full-again moment, and the quiet account has no flight.
    /// </summary>
    public static async Task AssertMigratedAsync(IRateBudgetStore store)
    {
        var fullAt = Instant.FromUnixTimeTicks(17_799_168_001_234_567);
        var units = Duration.FromSeconds(16);
        Assert.Equal(
            new RateBudgetState(fullAt, Instant.FromUnixTimeTicks(17_799_168_000_000_001), Duration.FromMilliseconds(500), 41)
            {
                InFlightRefill = units,
                Flights = [new RateBudgetFlight(string.Empty, units, fullAt + Duration.FromMinutes(10))],
            },
            await store.GetAsync("shopify:busy", CancellationToken.None));
        Assert.Equal(
            new RateBudgetState(fullAt, Instant.FromUnixTimeTicks(0), Duration.FromMilliseconds(500), 7),
            await store.GetAsync("shopify:quiet", CancellationToken.None));
    }
}
