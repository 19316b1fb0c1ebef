using System.Diagnostics;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.WooCommerce.Tests.Hosting;

/// <summary>
/// <see cref="ConnectTestHost"/> with a connector on <c>Connect.Sdk.Http</c> and no TimeProvider of the test's own: the
/// connector's pacing waits on the host's fake time, which the clock then follows.
/// </summary>
public sealed class ConnectTestHostTimeTests
{
    [Fact]
    public async Task RunDueAsync_PacedConnectorOnConnectSdkHttp_WaitsOnTheHostsFakeTimeAndTheClockFollows()
    {
        await using var woo = WooCommerceFake.Start(WooTestKeys.Credentials);
        await using var host = ConnectTestHost.Create(sdk => sdk.AddWooCommerce());

        // One request every 100 s: the connection check, then the SKU lookup and the stock batch, each a budget apart.
        var settings = WooTestKeys.Settings(woo.BaseAddress).Set(WooCommerceConnector.RequestsPerSecondKey, "0.01");
        var connection = await host.CreateProductiveConnectionAsync(WooCommerceConnector.Id, settings, "woo-1", FeatureKind.Stock);
        var sku = new ForeignNumber(ForeignNumberLabel.Sku, "SKU-1");
        woo.SeedArticle(sku, 3);
        await host.AddArticleAsync(connection, new Article("ART-1", "Mug", ArticleKind.Simple), sku, onHand: 7);
        var wall = Stopwatch.StartNew();

        await host.RunDueAsync();

        Assert.Equal(7, woo.StockOf(sku));
        Assert.Same(host.Time, host.Services.GetService(typeof(TimeProvider)));
        Assert.Equal(ConnectTestHost.Start + Duration.FromSeconds(200), Instant.FromDateTimeOffset(host.Time.GetUtcNow()));
        Assert.Equal(Instant.FromDateTimeOffset(host.Time.GetUtcNow()), host.Clock.GetCurrentInstant());

        // A guard, not a measurement: on real time the two paced requests alone take 200 s.
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(60), $"The paced run took {wall.Elapsed} of real time.");
    }
}
