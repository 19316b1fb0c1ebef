using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Kaufland;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Kaufland.Tests.Pacing;

/// <summary>
/// Kaufland allows 111 requests per seller per second across all endpoints and answers 429 beyond it. On fake time
/// shared by the connector's pacing and the fake's limit, 1,000 stock updates at full speed get no 429 and take between
/// the minimum (999 / 111 seconds) and 10 ms a request (the pacing waits in whole milliseconds, 9.009 ms rounded up);
/// the fake, asked without pacing, does answer 429 beyond the limit.
/// </summary>
public sealed class KauflandPacingTests
{
    private const int Updates = 1000;

    [Fact]
    public async Task PushStock_1000UpdatesAtFullSpeed_No429AndAtMost10MillisecondsARequest()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        for (var i = 0; i <= Updates; i++)
        {
            seller.Fake.SeedArticle(Unit(i), 0);
        }

        var stock = seller.Feature<IStockFeature>();

        // The first request compiles the handler chain; then a second passes, so the budget and the fake's bucket are full.
        await seller.DriveAsync(async () => await stock.PushStockAsync(seller.Context, [new StockUpdate("ART-0", Unit(0), 1)], CancellationToken.None));
        seller.Time.Advance(TimeSpan.FromSeconds(1));
        var start = seller.Time.GetUtcNow();

        var results = await seller.DriveAsync(async () =>
        {
            var records = new List<RecordResult>();
            foreach (var batch in Enumerable.Range(1, Updates).Chunk(stock.MaxBatchSize))
            {
                records.AddRange((await stock.PushStockAsync(seller.Context, [.. batch.Select(i => new StockUpdate($"ART-{i}", Unit(i), i % 7))], CancellationToken.None)).Records);
            }

            return records;
        });

        var elapsed = seller.Time.GetUtcNow() - start;
        var minimum = TimeSpan.FromSeconds((Updates - 1) / 111.0);
        Assert.All(results, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        Assert.DoesNotContain(seller.Fake.Requests, r => r.StatusCode == 429);
        Assert.Equal(Updates + 1, seller.Fake.Requests.Count(r => r.Operation == "units.update"));
        Assert.All(Enumerable.Range(1, Updates), i => Assert.Equal(i % 7, seller.Fake.StockOf(Unit(i))));
        Assert.InRange(elapsed, minimum, TimeSpan.FromMilliseconds(10 * (Updates - 1)));
    }

    [Fact]
    public async Task Fake_RequestsBeyond111InOneSecond_Answered429()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 8, 0));
        await using var fake = KauflandFake.Start(KauflandTestKeys.Keys, new MarketplaceFakeOptions { Clock = clock });
        using var http = new HttpClient();

        var statuses = new List<int>();
        for (var i = 0; i < 150; i++)
        {
            // Unsigned: the limit counts every request, before the signature is looked at.
            using var answer = await http.GetAsync(new Uri(fake.ApiAddress, "status/ping"));
            statuses.Add((int)answer.StatusCode);
        }

        Assert.Equal(111, statuses.Count(s => s != 429));
        Assert.Equal(39, statuses.Count(s => s == 429));
        Assert.All(statuses.Take(111), s => Assert.NotEqual(429, s));
    }

    private static ForeignNumber Unit(int i) => new(ForeignNumberLabel.ApiUnitId, (400_000_000 + i).ToString(CultureInfo.InvariantCulture));
}
