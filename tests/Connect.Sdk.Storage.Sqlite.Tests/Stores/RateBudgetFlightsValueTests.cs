using Connect.Sdk.RateLimits;
using Connect.Sdk.TestSupport;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>A damaged <c>flights</c> value of <c>rate_budgets</c> does not stop the account's pacing.</summary>
public sealed class RateBudgetFlightsValueTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[{\"owner\": 7}]")]
    [InlineData("")]
    public async Task Get_FlightsValueDamaged_ReadsAsNoFlightsAndKeepsTheUnitsInFlight(string damaged)
    {
        var store = new SqliteRateBudgetStore(_files.Open());
        var state = new RateBudgetState(Instant.FromUtc(2026, 12, 6, 8, 0), Instant.MinValue, Duration.FromMilliseconds(10), 1)
        {
            InFlightRefill = Duration.FromMilliseconds(30),
            Flights = [new RateBudgetFlight("process-a", Duration.FromMilliseconds(30), Instant.FromUtc(2026, 12, 6, 8, 1))],
        };
        Assert.True(await store.TryReplaceAsync("shop", null, state, CancellationToken.None));
        await using (var connection = await _files.Open().OpenConnectionAsync(CancellationToken.None))
        {
            await using var damage = connection.Command(null, "UPDATE rate_budgets SET flights = $flights;").With("$flights", damaged);
            await damage.ExecuteNonQueryAsync();
        }

        // Failing the read would fail every paced request of the account until the row was repaired by hand.
        var read = await store.GetAsync("shop", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Empty(read.Flights);
        Assert.Equal(Duration.FromMilliseconds(30), read.InFlightRefill);
    }
}
