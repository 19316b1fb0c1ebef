using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.TestSupport;
using Connect.Sdk.Testing.Fakes.Amazon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Amazon.Tests.Settings;

/// <summary>Regions, settings validation, the connection check's verdicts and the registration.</summary>
public sealed class AmazonSettingsTests : IAsyncDisposable
{
    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly AmazonSellingPartnerFake _amazon;
    private readonly ServiceProvider _services;

    public AmazonSettingsTests()
    {
        _amazon = AmazonTestAccount.StartFake(_time);
        _services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _amazon.DisposeAsync();
    }

    [Theory]
    [InlineData("na", "https://sellingpartnerapi-na.amazon.com/")]
    [InlineData("eu", "https://sellingpartnerapi-eu.amazon.com/")]
    [InlineData("FE", "https://sellingpartnerapi-fe.amazon.com/")]
    public void Region_DocumentedEndpoint(string region, string endpoint) =>
        Assert.Equal(new Uri(endpoint), AmazonRegion.EndpointOf(region));

    [Fact]
    public void Region_Unknown_IsRefusedNamingTheChoices() =>
        Assert.Contains("na, eu, fe", Assert.Throws<ArgumentException>(() => AmazonRegion.EndpointOf("us")).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Settings_WithoutOverrides_CallTheRegionsEndpointAndLoginWithAmazon()
    {
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon)
            .Set(AmazonConnector.SpApiEndpointKey, null)
            .Set(AmazonConnector.LwaTokenEndpointKey, null)
            .Set(AmazonConnector.RegionKey, "NA"));

        var settings = await AmazonConnectionSettings.ReadAsync(context, CancellationToken.None);

        Assert.Equal(new Uri("https://sellingpartnerapi-na.amazon.com/"), settings.SpApiEndpoint);
        Assert.Equal(new Uri("https://api.amazon.com/auth/o2/token"), settings.TokenEndpoint);
        Assert.Equal("na", settings.Region);
    }

    [Theory]
    [InlineData(AmazonConnector.ClientIdKey, "", AmazonConnector.ClientIdKey)]
    [InlineData(AmazonConnector.SellerIdKey, " ", AmazonConnector.SellerIdKey)]
    [InlineData(AmazonConnector.RegionKey, "us-east-1", AmazonConnector.RegionKey)]
    [InlineData(AmazonConnector.MarketplaceIdsKey, ",,", AmazonConnector.MarketplaceIdsKey)]
    [InlineData(AmazonConnector.SpApiEndpointKey, "ftp://example.com", AmazonConnector.SpApiEndpointKey)]
    public async Task ConnectionCheck_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon).Set(key, value));

        Assert.False(result.Passed);
        Assert.Equal(named, result.FailedSetting);
        Assert.Contains($"'{named}'", result.Message, StringComparison.Ordinal);
        Assert.Empty(_amazon.Requests);
    }

    [Fact]
    public async Task ConnectionCheck_VeryLongEndpoint_FailsWithAShortMessage()
    {
        var endpoint = "https://sellingpartnerapi-eu.amazon.com/" + new string('a', 70_000);

        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon).Set(AmazonConnector.SpApiEndpointKey, endpoint));

        Assert.Equal(AmazonConnector.SpApiEndpointKey, result.FailedSetting);
        Assert.Equal("Setting 'spApiEndpoint' of connection amazon-1 is 70040 characters long; an address has at most 2048.", result.Message);
        Assert.Empty(_amazon.Requests);
    }

    [Fact]
    public async Task ConnectionCheck_VeryLongRegion_IsQuotedShortened()
    {
        var region = new string('x', 70_000);

        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon).Set(AmazonConnector.RegionKey, region));

        Assert.Equal(AmazonConnector.RegionKey, result.FailedSetting);
        Assert.Contains($"is '{new string('x', 60)}…' (70000 characters); use one of na, eu, fe.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSettings_FilledSettingsAreChecked_EmptyOnesAreLeftToIntegrationMode()
    {
        var settings = Connect.Sdk.Settings.ConnectionSettings.Empty
            .With(AmazonConnector.RegionKey, "us-east-1")
            .With(AmazonConnector.LwaTokenEndpointKey, "ftp://example.com");

        var problems = _services.Connector().ValidateSettings(settings);

        Assert.Equal([AmazonConnector.RegionKey, AmazonConnector.LwaTokenEndpointKey], problems.Select(p => p.Key));
        Assert.Empty(_services.Connector().ValidateSettings(Connect.Sdk.Settings.ConnectionSettings.Empty.With(AmazonConnector.RegionKey, "EU")));
    }

    [Fact]
    public async Task ConnectionCheck_TooManyMarketplaces_FailsNamingTheSetting()
    {
        var ids = string.Join(',', Enumerable.Range(1, 51).Select(i => $"A{i:D12}"));

        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon).Set(AmazonConnector.MarketplaceIdsKey, ids));

        Assert.Equal(AmazonConnector.MarketplaceIdsKey, result.FailedSetting);
    }

    [Fact]
    public async Task ConnectionCheck_RevokedRefreshToken_FailsNamingTheRefreshToken_WithoutQuotingIt()
    {
        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon, refreshToken: AmazonTestAccount.WrongRefreshToken));

        Assert.False(result.Passed);
        Assert.Equal(AmazonConnector.RefreshTokenKey, result.FailedSetting);
        Assert.Contains("invalid_grant", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AmazonTestAccount.WrongRefreshToken, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionCheck_WrongClientSecret_FailsNamingTheClientSecret()
    {
        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon, clientSecret: AmazonTestAccount.WrongClientSecret));

        Assert.Equal(AmazonConnector.ClientSecretKey, result.FailedSetting);
        Assert.Contains("invalid_client", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AmazonTestAccount.WrongClientSecret, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionCheck_FiftyMarketplaces_TheMostGetOrdersTakes_PassesWithOneCall()
    {
        var result = await CheckAsync(AmazonTestAccount.Settings(_amazon).Set(AmazonConnector.MarketplaceIdsKey, string.Join(", ", Enumerable.Range(1, 50).Select(i => $"A{i:D12}"))));

        Assert.True(result.Passed, result.Message);
        Assert.Single(_amazon.Requests, r => r.Operation == AmazonOperations.GetOrders);
    }

    [Fact]
    public void AddAmazon_Twice_RegistersOneConnectorAndItsRules()
    {
        var services = new ServiceCollection();
        services.AddSingleton(AdapterTestLog.CreateFactory());
        services.AddConnectSdk().AddAmazon().AddAmazon();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IConnector>().OfType<AmazonConnector>());
        var scheme = provider.GetRequiredService<ForeignNumberRules>().Find(ConnectorId.Amazon)!;
        Assert.Equal([ForeignNumberLabel.SkuFba, ForeignNumberLabel.SkuFbm], scheme.Rules.Select(r => r.Label));
    }

    [Fact]
    public void AddAmazon_ConfigureHttp_AdjustsTheConnectorsClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton(AdapterTestLog.CreateFactory());
        services.AddConnectSdk().AddAmazon(http => http.Resilience.AttemptTimeout = TimeSpan.FromSeconds(45));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<MarketplaceHttpClientOptions>>().Get(AmazonConnector.HttpClientName);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Resilience.AttemptTimeout);
    }

    private async Task<ConnectionCheckResult> CheckAsync(SettingsUpdate settings) =>
        await _services.Connector().CheckConnectionAsync(await AmazonTestServices.ContextAsync(settings), CancellationToken.None);
}
