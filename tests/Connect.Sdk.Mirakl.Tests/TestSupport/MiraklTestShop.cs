using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Mirakl.Tests.TestSupport;

/// <summary>
/// A test host with a productive Mirakl connection to a fake shop that sells the blue mug (shop SKU <c>MUG-1</c>, ERP
/// article 4711) for the order tests.
/// </summary>
internal sealed class MiraklTestShop : IAsyncDisposable
{
    private MiraklTestShop(ConnectTestHost host, MiraklFake fake, ConnectionId connection) => (Host, Fake, Connection) = (host, fake, connection);

    public ConnectTestHost Host { get; }

    public MiraklFake Fake { get; }

    public ConnectionId Connection { get; }

    /// <summary>Starts the host and the fake and connects them.</summary>
    /// <param name="acceptance">The connection's <c>acceptance</c> setting.</param>
    /// <param name="onHand">The ERP's stock of the mug.</param>
    /// <param name="configure">More registrations, e.g. a handler that plays a crash.</param>
    /// <param name="options">Changes the SDK's options, e.g. the order import's overlap.</param>
    /// <returns>The shop.</returns>
    public static async Task<MiraklTestShop> StartAsync(string acceptance = "manual", decimal onHand = 500, Action<ConnectSdkBuilder>? configure = null, Action<ConnectSdkOptions>? options = null)
    {
        var host = ConnectTestHost.Create(
            sdk =>
            {
                sdk.AddMirakl();
                configure?.Invoke(sdk);
            },
            options);
        var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions { Clock = host.Clock });
        var connection = await host.CreateProductiveConnectionAsync(MiraklConnector.Id, MiraklTestKeys.Settings(fake.BaseAddress, acceptance: acceptance));
        fake.SeedArticle(MiraklOrders.ShopSku("MUG-1"), 5);
        await host.AddArticleAsync(connection, new Article("4711", "Enamel mug, blue", ArticleKind.Simple), MiraklOrders.ShopSku("MUG-1"), onHand);
        return new MiraklTestShop(host, fake, connection);
    }

    public void Deconstruct(out ConnectTestHost host, out MiraklFake fake, out ConnectionId connection) => (host, fake, connection) = (Host, Fake, Connection);

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        await Host.DisposeAsync();
    }
}
