using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.Testing.RateLimits;
using Connect.Sdk.Testing.Time;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Ebay.Tests.Pacing;

/// <summary>
/// A stock run at full speed against the fake enforcing a rate of 2 requests a second (burst 2) on fake time shared by
/// the connector's pacing and the fake's bucket, the connection set to that rate: no 429, and the run takes about the
/// time the bucket needs (each request after the burst waits half a second).
/// </summary>
public sealed class EbayPacingTests : IAsyncDisposable
{
    private const int Articles = 100;
    private const double Rate = 2;

    private readonly WaitAwareFakeTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly EbayFake _ebay;
    private readonly ServiceProvider _services;

    public EbayPacingTests()
    {
        _ebay = EbayFake.Start(EbayTestKeys.Credentials, new MarketplaceFakeOptions
        {
            Clock = new TimeProviderClock(_time),
            DelayTime = _time.ServerTime,
            RateLimit = new RateLimit(Capacity: Rate, RefillPerSecond: Rate),
        });
        _services = EbayTestServices.Build(AdapterTestLog.CreateFactory(), _time, services => services.UseFakeTime(_time));
        for (var i = 0; i <= Articles; i++)
        {
            _ebay.SeedArticle(Sku(i), 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _ebay.DisposeAsync();
    }

    [Fact]
    public async Task StockRun_AtFullSpeed_NoThrottling_CloseToTheBucketsPace()
    {
        var context = await EbayTestServices.ContextAsync(EbayTestKeys.Settings(_ebay.BaseAddress).Set(EbayConnector.RequestsPerSecondKey, "2"));
        var stock = _services.Connector().GetFeature<IStockFeature>()!;

        // The token exchange goes first and is not paced (the identity API has its own daily limit); then the bucket refills.
        var warmUp = stock.PushStockAsync(context, [new StockUpdate("ART-0", Sku(0), 1)], CancellationToken.None).AsTask();
        await _time.DriveAsync(warmUp, TimeSpan.FromMinutes(1));
        Assert.Equal(RecordOutcome.Succeeded, Assert.Single((await warmUp).Records).Outcome);
        var start = _time.GetUtcNow() + TimeSpan.FromSeconds(2);
        await _time.DriveAsync(Task.Delay(TimeSpan.FromSeconds(2), _time), TimeSpan.FromSeconds(3));

        var before = _ebay.Requests.Count;
        var run = PushAllAsync(context, stock);
        await _time.DriveAsync(run, TimeSpan.FromHours(1));

        Assert.All(await run, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        Assert.DoesNotContain(_ebay.Requests.Skip(before), r => r.StatusCode == 429);
        for (var i = 1; i <= Articles; i++)
        {
            Assert.Equal(i % 7 + 1, _ebay.StockOf(Sku(i)));
        }

        // 100 getOffers and 4 bulk calls; the first two pass at once, each further one waits 1 / rate.
        var requests = Articles + 4;
        var minimum = TimeSpan.FromSeconds((requests - Rate) / Rate);
        Assert.InRange(_time.GetUtcNow() - start, minimum, minimum * 1.1);
    }

    private static ForeignNumber Sku(int i) => new(ForeignNumberLabel.Sku, $"SKU-{i:D4}");

    private static async Task<IReadOnlyList<RecordResult>> PushAllAsync(ConnectionContext context, IStockFeature stock)
    {
        // As the SDK sends them: batches of the feature's size, one after the other.
        var results = new List<RecordResult>();
        foreach (var batch in Enumerable.Range(1, Articles).Chunk(stock.MaxBatchSize))
        {
            var sent = await stock.PushStockAsync(context, batch.Select(i => new StockUpdate($"ART-{i}", Sku(i), i % 7 + 1)).ToArray(), CancellationToken.None);
            results.AddRange(sent.Records);
        }

        return results;
    }
}
