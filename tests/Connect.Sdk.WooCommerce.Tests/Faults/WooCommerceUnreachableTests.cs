using System.Net;
using System.Net.Sockets;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Tests.TestSupport;

namespace Connect.Sdk.WooCommerce.Tests.Faults;

/// <summary>
/// A shop that cannot be reached reaches the features, and through them the SDK, as the one failure type of
/// Connect.Sdk.Http: a transient <see cref="ConnectSdkException"/> with <see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>.
/// </summary>
public sealed class WooCommerceUnreachableTests : IDisposable
{
    // A port bound but not listening refuses every connection, and no server of a parallel test can take it.
    private readonly Socket _closed = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public WooCommerceUnreachableTests() => _closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public void Dispose() => _closed.Dispose();

    [Fact]
    public async Task FetchChangedOrders_NothingListensAtTheStore_ThrowsTransientMarketplaceUnavailable()
    {
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), new ShortWaitTimeProvider());
        var orders = services.Connector().Features.OfType<IOrdersFeature>().Single();

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(async () =>
        {
            await foreach (var _ in orders.FetchChangedOrdersAsync(await ContextAsync(), new OrderCursor(NodaTime.Instant.FromUtc(2026, 12, 1, 0, 0)), CancellationToken.None))
            {
            }
        });

        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, failure.Code);
        Assert.True(failure.IsTransient);
        Assert.Equal(new ConnectionId("woo-down"), failure.ConnectionId);
        Assert.StartsWith("WooCommerce could not be reached for orders.list: GET ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WooTestKeys.ConsumerSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushStock_NothingListensAtTheStore_FailsTheRunOnceInsteadOfEveryArticle()
    {
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), new ShortWaitTimeProvider());
        var stock = services.Connector().Features.OfType<IStockFeature>().Single();
        StockUpdate[] batch =
        [
            new("ART-1", new ForeignNumber(ForeignNumberLabel.Sku, "SKU-1"), 3),
            new("ART-2", new ForeignNumber(ForeignNumberLabel.Sku, "SKU-2"), 4),
        ];

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(async () => await stock.PushStockAsync(await ContextAsync(), batch, CancellationToken.None));

        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, failure.Code);
        Assert.StartsWith("WooCommerce could not be reached for products.list: GET ", failure.Message, StringComparison.Ordinal);
    }

    private async Task<ConnectionContext> ContextAsync()
    {
        var connection = new ConnectionId("woo-down");
        var secrets = new InMemorySecretStore();
        await secrets.SetAsync(connection, WooCommerceConnector.ConsumerKeyKey, new SecretValue(WooTestKeys.ConsumerKey), CancellationToken.None);
        await secrets.SetAsync(connection, WooCommerceConnector.ConsumerSecretKey, new SecretValue(WooTestKeys.ConsumerSecret), CancellationToken.None);
        var settings = ConnectionSettings.Empty
            .With(WooCommerceConnector.StoreUrlKey, $"http://127.0.0.1:{((IPEndPoint)_closed.LocalEndPoint!).Port}/")
            .WithSecret(WooCommerceConnector.ConsumerKeyKey, true)
            .WithSecret(WooCommerceConnector.ConsumerSecretKey, true);
        return new ConnectionContext(connection, WooCommerceConnector.Id, settings, secrets);
    }
}
