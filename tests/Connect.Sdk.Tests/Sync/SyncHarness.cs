using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// The SDK wired as a host wires it (through <c>AddConnectSdk</c>), on fake time, with in-memory stores, an
/// in-memory ERP and the in-test <see cref="TestMarketplace"/>. Create connections in the state a test needs.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 8, 0);

    public static readonly Actor User = new("anna");

    private readonly ServiceProvider _provider;

    public SyncHarness(Action<IServiceCollection>? configure = null, Action<Connect.Sdk.DependencyInjection.ConnectSdkOptions>? options = null)
    {
        var services = new ServiceCollection();
        services.AddConnectSdk(options)
            .AddConnector(Market)
            .ConfigureForeignNumberRules(r => r.With(TestMarketplace.Rule))
            .UseClock(Clock)
            .UseArticleCatalog(Articles)
            .UseStockSource(StockSource)
            .UsePriceSource(PriceSource)
            .UseOrderSink(OrderSink)
            .UseAlertSink(Alerts)
            .UseInMemoryStores();
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public FakeClock Clock { get; } = new(Start);

    public TestMarketplace Market { get; } = new();

    public InMemoryArticleCatalog Articles { get; } = new();

    public InMemoryStockSource StockSource { get; } = new();

    public InMemoryPriceSource PriceSource { get; } = new();

    public InMemoryOrderSink OrderSink { get; } = new();

    public InMemoryAlertSink Alerts { get; } = new();

    public IServiceProvider Services => _provider;

    public SyncEngine Engine => Get<SyncEngine>();

    public SyncJournal Journal => Get<SyncJournal>();

    public ConnectionLifecycle Lifecycle => Get<ConnectionLifecycle>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Creates a connection with passed check and the given features in integration mode, productive, import mode Automatic.</summary>
    public Task<ConnectionId> CreateProductiveConnectionAsync(string id = "market-1", params FeatureKind[] features) =>
        CreateConnectionAsync(id, productive: true, ImportMode.Automatic, FeatureMode.Integration, features);

    /// <summary>Creates a connection in the test phase: check passed, features in Test mode, productive off.</summary>
    public Task<ConnectionId> CreateTestPhaseConnectionAsync(string id = "market-1", ImportMode importMode = ImportMode.Automatic, params FeatureKind[] features) =>
        CreateConnectionAsync(id, productive: false, importMode, FeatureMode.Test, features);

    public async Task<ConnectionId> CreateConnectionAsync(string id, bool productive, ImportMode importMode, FeatureMode mode, params FeatureKind[] features)
    {
        var connection = new ConnectionId(id);
        if (features.Length == 0)
        {
            features = Enum.GetValues<FeatureKind>();
        }

        await Ok(Lifecycle.CreateAsync(connection, TestMarketplace.Id, id, User, default));
        await Ok(Lifecycle.UpdateSettingsAsync(connection, SettingsUpdate.Empty.Set("url", "https://market.test").SetSecret("token", new SecretValue(TestMarketplace.Token)), User, default));
        await Ok(Lifecycle.RunConnectionCheckAsync(connection, User, default));
        foreach (var feature in features)
        {
            await Ok(Lifecycle.SetFeatureModeAsync(connection, feature, mode, User, default));
        }

        await Ok(Lifecycle.SetImportModeAsync(connection, importMode, User, default));
        if (productive)
        {
            await Ok(Lifecycle.SetProductiveModeAsync(connection, true, User, default));
        }

        return connection;
    }

    /// <summary>Adds articles to the ERP with a foreign number "SKU-{number}" on the connection.</summary>
    public async Task AddMappedArticlesAsync(ConnectionId connection, params Article[] articles)
    {
        Articles.Add(articles);
        var report = await Get<ForeignNumberImporter>().ImportAsync(
            connection,
            TestMarketplace.Id,
            articles.Select(a => new ForeignNumberRow(a.Number, TestMarketplace.Label.Value, "SKU-" + a.Number)),
            default);
        Assert.True(report.IsComplete, string.Join("; ", report.Issues));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static async Task Ok(Task<LifecycleResult> step)
    {
        var result = await step;
        Assert.True(result.Succeeded, result.ToString());
    }
}
