using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Journal;
using Connect.Sdk.Mirakl.Tests.TestSupport;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.Testing.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Mirakl.Tests.Pacing;

/// <summary>
/// Mirakl publishes call frequencies, not an enforced limit; an operator that throttles is met with the connection's
/// requestsPerSecond. On fake time, against the fake limiting to one request every two seconds, a connection set to
/// that rate imports 250 orders in three pages and pushes its stock without a single 429, and one without the
/// setting runs into the limit.
/// </summary>
public sealed class MiraklPacingTests
{
    private const int Orders = 250;

    [Fact]
    public async Task OrderImportAndStockSync_RateSetToTheOperatorsLimit_NoTooManyRequests()
    {
        var (requests, imported, stockOk) = await RunAsync(requestsPerSecond: "0.5");

        Assert.DoesNotContain(requests, r => r.StatusCode == 429);
        Assert.Equal(Orders, imported);
        Assert.True(stockOk);
    }

    [Fact]
    public async Task OrderImportAndStockSync_NoRateSet_RunsIntoTheLimit()
    {
        var (requests, _, _) = await RunAsync(requestsPerSecond: null);

        Assert.Contains(requests, r => r.StatusCode == 429);
    }

    private static async Task<(IReadOnlyList<FakeRequest> Requests, int Imported, bool StockOk)> RunAsync(string? requestsPerSecond)
    {
        await using var host = ConnectTestHost.Create(sdk => sdk.AddMirakl());
        await using var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions
        {
            Clock = new TimeProviderClock(host.Time),
            RateLimit = new RateLimit(Capacity: 1, RefillPerSecond: 0.5),
        });
        var settings = MiraklTestKeys.Settings(fake.BaseAddress);
        var connection = await host.CreateProductiveConnectionAsync(MiraklConnector.Id, requestsPerSecond is null ? settings : settings.Set(MiraklConnector.RequestsPerSecondKey, requestsPerSecond));
        fake.SeedArticle(MiraklOrders.ShopSku("MUG-1"), 0);
        await host.AddArticleAsync(connection, new Article("4711", "Enamel mug, blue", ArticleKind.Simple), MiraklOrders.ShopSku("MUG-1"), 9);
        for (var i = 0; i < Orders; i++)
        {
            fake.SeedOrder(MiraklOrders.Mug($"P{i:D4}-A", host.Clock.GetCurrentInstant() - Duration.FromMinutes(30) + Duration.FromSeconds(i)));
        }

        await host.RunForAsync(Duration.FromMinutes(20));
        return (fake.Requests, host.Orders.Orders.Count, fake.StockOf(MiraklOrders.ShopSku("MUG-1")) == 9);
    }
}
