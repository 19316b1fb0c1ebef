using Connect.Sdk.Features;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Connect.Sdk.Testing.Time;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Otto.Tests.Pacing;

/// <summary>
/// Quantity batches at full speed against the fake enforcing a limit per endpoint and minute, with the connection's
/// <c>requestsPerMinute</c> set to the same figure, on fake time shared by the connector's pacing and the fake's bucket:
/// no 429, and the batches take about as long as the limit allows.
/// </summary>
public sealed class OttoPacingTests : IAsyncDisposable
{
    private const int PerMinute = 12;
    private const int Batches = 40;

    private readonly WaitAwareFakeTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly OttoMarketFake _otto;
    private readonly ServiceProvider _services;

    public OttoPacingTests()
    {
        _otto = OttoMarketFake.Start(OttoTestKeys.Credentials, new MarketplaceFakeOptions
        {
            Clock = new TimeProviderClock(_time),
            DelayTime = _time.ServerTime,
            RateLimit = OttoMarketFake.EndpointLimit(PerMinute),
        });
        _services = OttoTestServices.Build(AdapterTestLog.CreateFactory(), services => services.UseFakeTime(_time));
        for (var i = 0; i < Batches * 200; i++)
        {
            _otto.SeedArticle(OttoTestMarket.Sku(i), 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _otto.DisposeAsync();
    }

    [Fact]
    public async Task PushStock_FortyBatchesAtFullSpeed_NoTooManyRequestsAndWithinTheLimit()
    {
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress).Set(OttoConnector.RequestsPerMinuteKey, PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var stock = _services.Feature<IStockFeature>();
        var start = _time.GetUtcNow();
        var results = new List<RecordResult>();

        await using (_time.DriveInBackground())
        {
            foreach (var batch in Enumerable.Range(0, Batches * 200).Chunk(stock.MaxBatchSize))
            {
                results.AddRange((await stock.PushStockAsync(context, batch.Select(i => new StockUpdate($"ART-{i}", OttoTestMarket.Sku(i), (i % 9) + 1)).ToArray(), CancellationToken.None)).Records);
            }
        }

        Assert.All(results, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        var updates = _otto.Requests.Where(r => r.Operation == "availability.quantities.update").ToArray();
        Assert.DoesNotContain(updates, r => r.StatusCode == 429);
        Assert.Equal(Batches, updates.Length);
        Assert.Equal(7, _otto.StockOf(OttoTestMarket.Sku(6)));

        // The burst is half a minute's requests; every further request waits for its share of the minute.
        var minimum = TimeSpan.FromMinutes((Batches - (PerMinute / 2)) / (double)PerMinute);
        Assert.InRange(_time.GetUtcNow() - start, minimum, minimum * 1.2);
    }
}
