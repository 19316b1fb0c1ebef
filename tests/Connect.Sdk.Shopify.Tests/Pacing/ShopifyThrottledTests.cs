using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopify.Tests.Pacing;

/// <summary>
/// A shop whose bucket is smaller and slower than the declared model (as an older plan's would be), and which another
/// app drains meanwhile, answers THROTTLED with HTTP 200: the connector takes the bucket's state from the answer, waits
/// and sends again, losing nothing.
/// </summary>
public sealed class ShopifyThrottledTests
{
    private const string ShopQuery = """{"query":"{ shop { name } }"}""";

    [Fact]
    public async Task SmallerBucketDrainedByAnotherApp_ThrottledAnswersWaitedOutAndNothingLost()
    {
        var time = new AutoAdvancingTime(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var traffic = new ShopifyTraffic();
        await using var shop = ShopifyFake.Start(ShopifyTestServices.Token, new MarketplaceFakeOptions { Clock = new TimeProviderClock(time) }, new ShopifyThrottle(60, 10));
        await using var connector = ShopifyTestServices.Create(null, time, services => services.AddHttpClient(ShopifyConnector.HttpClientName).AddHttpMessageHandler(traffic.CreateHandler));
        await using var host = ShopifyTestServices.Host(connector);
        var connection = await host.CreateProductiveConnectionAsync(ShopifyConnector.Id, ShopifyTestServices.Settings(shop), "slow-shop", FeatureKind.Stock);
        var context = await host.ContextOfAsync(connection);
        var updates = Enumerable.Range(1, 120).Select(i =>
        {
            var product = new ForeignNumber(ForeignNumberLabel.ShopifyProductId, (9_007_199_254_600_001L + (2L * i)).ToString(CultureInfo.InvariantCulture));
            shop.SeedArticle(product, 0);
            return new StockUpdate("ART-" + i, product, i);
        }).ToList();
        var stock = connector.Features.OfType<IStockFeature>().Single();

        // Half-way through, another app on the shop spends every point the bucket holds.
        var sent = 0;
        traffic.BeforeSend = async _ =>
        {
            if (++sent == 60)
            {
                await DrainAsync(shop);
            }
        };

        var result = await stock.PushStockAsync(context, updates, CancellationToken.None);

        Assert.True(result.AllSucceeded, string.Join("; ", result.Records.Where(r => r.Outcome != RecordOutcome.Succeeded)));
        Assert.All(updates, u => Assert.Equal(u.Quantity, shop.StockOf(u.ForeignNumber)));
        Assert.InRange(traffic.Throttled, 1, 2);
        Assert.Contains(AdapterTestLog.Lines, l => l.Contains("Shopify throttled product on shopify:", StringComparison.Ordinal));
    }

    private static async Task DrainAsync(ShopifyFake shop)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Shopify-Access-Token", ShopifyTestServices.Token);
        for (var i = 0; i < 200; i++)
        {
            using var content = new StringContent(ShopQuery, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(shop.GraphQLAddress(), content);
            if ((await response.Content.ReadAsStringAsync()).Contains("THROTTLED", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail("The shop's bucket never ran dry.");
    }
}
