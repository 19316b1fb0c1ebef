using System.Collections.Concurrent;
using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>
/// A productive OTTO Market connection against the fake, with the SDK in memory and the connector registered by
/// <c>AddOtto()</c> (the real handler chain), logging to the run-wide record. The fake reads the host's clock.
/// </summary>
internal sealed class OttoTestMarket : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log;

    private OttoTestMarket(OttoMarketFake fake, ConnectTestHost host, ConcurrentQueue<string> log)
    {
        Fake = fake;
        Host = host;
        _log = log;
    }

    public IReadOnlyList<string> LogLines => [.. _log];

    public OttoMarketFake Fake { get; }

    public ConnectTestHost Host { get; }

    public ConnectionId Connection { get; private set; }

    public static async Task<OttoTestMarket> StartAsync(Action<IServiceCollection>? configure = null, Func<MarketplaceFakeOptions, MarketplaceFakeOptions>? options = null, params FeatureKind[] features)
    {
        var log = new ConcurrentQueue<string>();
        var host = ConnectTestHost.Create(sdk =>
        {
            sdk.Services.AddSingleton(AdapterTestLog.CreateFactory(log));
            sdk.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            sdk.AddOtto();
            configure?.Invoke(sdk.Services);
        });
        var fakeOptions = new MarketplaceFakeOptions { Clock = host.Clock, DelayTime = host.Time.ServerTime };
        var fake = OttoMarketFake.Start(OttoTestKeys.Credentials, options?.Invoke(fakeOptions) ?? fakeOptions);
        var market = new OttoTestMarket(fake, host, log);
        market.Connection = await host.CreateProductiveConnectionAsync(OttoConnector.Id, OttoTestKeys.Settings(fake.BaseAddress), "otto-1", features);
        return market;
    }

    public static ForeignNumber Sku(int index) => new(ForeignNumberLabel.OttoSku, string.Create(CultureInfo.InvariantCulture, $"SKU-{index}"));

    public static string Article(int index) => string.Create(CultureInfo.InvariantCulture, $"ART-{index}");

    /// <summary>An article OTTO sells with <paramref name="ottoStock"/> and the ERP holds <paramref name="erpStock"/> of.</summary>
    public async Task MapArticleAsync(int index, int ottoStock, int erpStock)
    {
        Fake.SeedArticle(Sku(index), ottoStock);
        await Host.AddArticleAsync(Connection, new Article(Article(index), "Article " + index, ArticleKind.Simple), Sku(index), erpStock);
    }

    /// <summary>Places an order on the fake, changed <paramref name="minutesAgo"/> minutes before the host's clock: OTTO-like numbers, UUID sales order ids.</summary>
    public MarketplaceOrder SeedOrder(int number, int minutesAgo = 5, int quantity = 2)
    {
        var order = TestOrders.Order(number, Host.Clock.GetCurrentInstant() - Duration.FromMinutes(minutesAgo), quantity);
        Fake.SeedOrder(order);
        return order;
    }

    public async Task<JournalEntry> JournalAsync(RecordKind kind, string key) =>
        await Host.Journal.GetAsync(new JournalKey(Connection, kind, key), CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"No journal entry for {kind} {key}.");

    /// <summary>How many times the ERP received each order number.</summary>
    public IReadOnlyDictionary<string, int> Received() =>
        Host.Orders.Orders.GroupBy(o => o.Order.OrderNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
