using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopify.Tests.Pacing;

/// <summary>
/// The connector paces itself on the shop's cost bucket: on fake time, 2,000 stock updates against the fake shop
/// enforcing its throttle get no THROTTLED or 429 answer and finish within 10 % of the theoretical minimum, the time
/// the bucket needs to refill what the requests cost beyond its size: (Σ requested cost − capacity) / restore rate.
/// Shopify runs a query only when the bucket holds its requested cost, and the budget refunds nothing ahead of the
/// shop's own report, so the requested costs, not the smaller actual ones, set the pace.
/// </summary>
public sealed class ShopifyPacingTests : IAsyncLifetime
{
    private const int Articles = 2000;
    private readonly AutoAdvancingTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly ShopifyTraffic _traffic = new();
    private ShopifyFake _shop = null!;
    private ShopifyTestServices.ServicedConnector _connector = null!;
    private ConnectTestHost _host = null!;

    public Task InitializeAsync()
    {
        _shop = ShopifyFake.Start(ShopifyTestServices.Token, new MarketplaceFakeOptions { Clock = new TimeProviderClock(_time) });
        _connector = ShopifyTestServices.Create(null, _time, services => services.AddHttpClient(ShopifyConnector.HttpClientName).AddHttpMessageHandler(_traffic.CreateHandler));
        _host = ShopifyTestServices.Host(_connector);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _shop.DisposeAsync();
    }

    [Fact]
    public async Task StockSync_2000Articles_NoThrottlingAndWithinTenPercentOfTheMinimum()
    {
        var connection = await _host.CreateProductiveConnectionAsync(ShopifyConnector.Id, ShopifyTestServices.Settings(_shop), "shop-a", FeatureKind.Stock);
        for (var i = 1; i <= Articles; i++)
        {
            var product = Product(i);
            _shop.SeedArticle(product, 0);
            await _host.AddArticleAsync(connection, new Article(ArticleNumber(i), "Article " + i, ArticleKind.Simple), product, i % 50 + 1);
        }

        var minimum = await MeasureAsync(() => _host.RunDueAsync());

        var journal = await _host.JournalEntriesAsync(connection, RecordKind.ArticleStock);
        Assert.Equal(Articles, journal.Count(e => e.Status == JournalStatus.Succeeded));
        Assert.All(Enumerable.Range(1, Articles), i => Assert.Equal(i % 50 + 1, _shop.StockOf(Product(i))));
        Assert.True(minimum > TimeSpan.FromSeconds(0.5), $"The test must cost more than the bucket holds to measure pacing; its minimum is {minimum}.");
    }

    [Fact]
    public async Task TwoConnectionsOfOneShop_2000UpdatesEach_TogetherNeverExceedTheShopsLimit()
    {
        var first = await _host.CreateProductiveConnectionAsync(ShopifyConnector.Id, ShopifyTestServices.Settings(_shop), "shop-a", FeatureKind.Stock);
        var second = await _host.CreateProductiveConnectionAsync(ShopifyConnector.Id, ShopifyTestServices.Settings(_shop), "shop-b", FeatureKind.Stock);
        var stock = _connector.Features.OfType<IStockFeature>().Single();
        var batches = new List<Func<Task>>();
        foreach (var (connection, offset) in new[] { (first, 0), (second, Articles) })
        {
            var context = await _host.ContextOfAsync(connection);
            var updates = Enumerable.Range(offset + 1, Articles).Select(i =>
            {
                _shop.SeedArticle(Product(i), 0);
                return new StockUpdate(ArticleNumber(i), Product(i), 7);
            }).ToList();
            batches.Add(async () =>
            {
                foreach (var batch in updates.Chunk(stock.MaxBatchSize))
                {
                    var result = await stock.PushStockAsync(context, batch, CancellationToken.None);
                    Assert.True(result.AllSucceeded, string.Join("; ", result.Records.Where(r => r.Outcome != RecordOutcome.Succeeded)));
                }
            });
        }

        var minimum = await MeasureAsync(() => Task.WhenAll(batches.Select(b => Task.Run(b))));

        Assert.All(Enumerable.Range(1, 2 * Articles), i => Assert.Equal(7, _shop.StockOf(Product(i))));
        Assert.True(minimum > TimeSpan.FromSeconds(20), $"Two connections' updates must cost far more than the bucket holds; the minimum is {minimum}.");
    }

    // Runs the work from a full bucket and asserts no throttling and an elapsed fake time between the minimum and 10 % above it.
    private async Task<TimeSpan> MeasureAsync(Func<Task> work)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var skip = _traffic.Exchanges.Count;
        var started = _time.Elapsed;

        await work();

        var elapsed = _time.Elapsed - started;
        var exchanges = _traffic.Exchanges.Skip(skip).ToList();
        var cost = exchanges.Sum(e => e.RequestedCost ?? 0);
        var model = ShopifyConnector.RateLimit;
        var minimum = TimeSpan.FromSeconds(Math.Max(0, (cost - model.Capacity) / model.RefillPerSecond));
        Assert.Equal(0, exchanges.Count(e => e.IsThrottled || e.Status == System.Net.HttpStatusCode.TooManyRequests));
        Assert.True(elapsed >= minimum && elapsed <= minimum * 1.1, $"Elapsed {elapsed}, minimum {minimum} from {exchanges.Count} requests costing {cost} requested, {exchanges.Sum(e => e.ActualCost ?? 0)} actual.");
        return minimum;
    }

    private static ForeignNumber Product(int index) => new(ForeignNumberLabel.ShopifyProductId, (9_007_199_254_900_001L + (2L * index)).ToString(CultureInfo.InvariantCulture));

    private static string ArticleNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"ART-{index}");
}
