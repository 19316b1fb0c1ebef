using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.Testing.Tests.Conformance.InProcess;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Hosting;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Disposed in DisposeAsync of IAsyncLifetime.")]
public sealed class ConnectTestHostTests : IAsyncLifetime
{
    private static readonly ForeignNumber Mug = new(InProcessConnector.Label, "SKU-1");

    private readonly InProcessMarketplace _market = new();
    private ConnectTestHost _host = null!;

    public Task InitializeAsync()
    {
        var connector = new InProcessConnector(_market, NullLoggerFactory.Instance);
        _host = ConnectTestHost.Create(sdk => sdk
            .AddConnector(connector)
            .ConfigureForeignNumberRules(rules => rules.With(new ForeignNumberRule(InProcessConnector.Id, ForeignNumberTarget.Any, InProcessConnector.Label, "In-process SKU"))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _market.DisposeAsync();
    }

    [Fact]
    public async Task CreateProductiveConnectionAsync_ValidSettings_IsProductiveWithEveryFeatureInIntegration()
    {
        var connection = await _host.CreateProductiveConnectionAsync(InProcessConnector.Id, Settings(InProcessMarketplace.Token));

        var state = await _host.Get<IConnectionStore>().GetAsync(connection, default);
        Assert.NotNull(state);
        Assert.True(state.IsProductive);
        Assert.True(state.Check.Passed);
        Assert.Equal(ImportMode.Automatic, state.ImportMode);
        Assert.Equal([FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices], state.FeaturesInIntegration.Order());
    }

    [Fact]
    public async Task CreateTestPhaseConnectionAsync_ValidSettings_IsCheckedNotProductiveWithEveryFeatureInTestMode()
    {
        var connection = await _host.CreateTestPhaseConnectionAsync(InProcessConnector.Id, Settings(InProcessMarketplace.Token));

        var state = await _host.Get<IConnectionStore>().GetAsync(connection, default);
        Assert.NotNull(state);
        Assert.False(state.IsProductive);
        Assert.True(state.Check.Passed);
        Assert.Equal(ImportMode.Automatic, state.ImportMode);
        Assert.Empty(state.FeaturesInIntegration);
        Assert.Equal(FeatureMode.Test, state.ModeOf(FeatureKind.Prices));
    }

    [Fact]
    public async Task CreateProductiveConnectionAsync_BadSecret_ThrowsNamingTheFailedCheck()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.CreateProductiveConnectionAsync(InProcessConnector.Id, Settings("wrong-token-123456")));

        Assert.Contains("connection check", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rejected the access token", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDueAsync_MappedArticle_SendsTheErpStockToTheMarketplace()
    {
        var connection = await _host.CreateProductiveConnectionAsync(InProcessConnector.Id, Settings(InProcessMarketplace.Token), features: FeatureKind.Stock);
        _market.SeedArticle(Mug, 3);
        await _host.AddArticleAsync(connection, new Article("A-1", "Mug", ArticleKind.Simple), Mug, onHand: 7);

        await _host.RunDueAsync();

        Assert.Equal(7, _market.StockOf(Mug));
        var entry = Assert.Single(await _host.JournalEntriesAsync(connection, RecordKind.ArticleStock));
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
    }

    [Fact]
    public async Task RunForAsync_OrderPlacedLater_ArrivesWithTheNextScheduledImportAndTheClockEndsAtTheSpan()
    {
        var connection = await _host.CreateProductiveConnectionAsync(InProcessConnector.Id, Settings(InProcessMarketplace.Token), features: FeatureKind.Orders);
        _market.SeedArticle(Mug, 3);
        await _host.AddArticleAsync(connection, new Article("A-1", "Mug", ArticleKind.Simple), Mug);
        await _host.RunDueAsync();
        _host.Clock.AdvanceMinutes(1);
        _market.SeedOrder(Order("1001", _host.Clock.GetCurrentInstant()));

        var runs = await _host.RunForAsync(Duration.FromMinutes(30));

        Assert.Equal(ConnectTestHost.Start + Duration.FromMinutes(31), _host.Clock.GetCurrentInstant());
        Assert.Equal(2, runs.Count(r => r.Item.Kind == Sync.WorkKind.OrderImport));
        Assert.Equal("1001", Assert.Single(_host.Orders.Orders).Order.OrderNumber);
        Assert.Equal(JournalStatus.Succeeded, Assert.Single(await _host.JournalEntriesAsync(connection, RecordKind.Order)).Status);
    }

    [Fact]
    public async Task AddArticleAsync_LabelOfNoRule_ThrowsNamingTheArticle()
    {
        var connection = await _host.CreateProductiveConnectionAsync(InProcessConnector.Id, Settings(InProcessMarketplace.Token));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _host.AddArticleAsync(connection, new Article("A-9", "Plate", ArticleKind.Simple), new ForeignNumber(new ForeignNumberLabel("nolabel"), "X-9")));

        Assert.Contains("A-9", failure.Message, StringComparison.Ordinal);
    }

    private static SettingsUpdate Settings(string token) =>
        SettingsUpdate.Empty.Set("url", "http://127.0.0.1:40000/").SetSecret("token", new SecretValue(token));

    private static MarketplaceOrder Order(string number, Instant at) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = "9" + number,
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [new OrderLine { LineId = "L1", ForeignNumber = Mug, Title = "Mug", Quantity = 1, UnitPrice = new Money(9.99m, CurrencyCode.Eur), TaxRate = 0.19m }],
        ShippingCost = Money.Zero(CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };
}
