using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopify.Tests.Stock;

/// <summary>The connection check names the setting to fix; stock goes out by variant id too and refuses what it cannot set.</summary>
public sealed class ShopifyConnectionAndStockTests : IAsyncLifetime
{
    private readonly AutoAdvancingTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private ShopifyFake _shop = null!;
    private ShopifyTestServices.ServicedConnector _connector = null!;
    private ConnectTestHost _host = null!;

    public Task InitializeAsync()
    {
        _shop = ShopifyFake.Start(ShopifyTestServices.Token, new MarketplaceFakeOptions { Clock = new TimeProviderClock(_time) });
        _connector = ShopifyTestServices.Create(null, _time);
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
    public async Task Check_WrongToken_FailsNamingTheTokenSettingNotItsValue()
    {
        var result = await CheckAsync(ShopifyTestServices.Settings(_shop, ShopifyTestServices.WrongToken));

        Assert.False(result.Passed);
        Assert.Equal(ShopifyConnector.AccessTokenKey, result.FailedSetting);
        Assert.Contains("HTTP 401", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopifyTestServices.WrongToken, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TokenWithoutAScope_FailsNamingTheTokenSettingAndTheScopes()
    {
        // A token without read_locations: Shopify answers the location query with ACCESS_DENIED (HTTP 200).
        await using var connector = ShopifyTestServices.Create(null, _time, services => services.AddHttpClient(ShopifyConnector.HttpClientName).AddHttpMessageHandler(() => new AccessDenied("query Location")));
        var context = await ContextAsync(ShopifyTestServices.Settings(_shop));

        var result = await connector.CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(ShopifyConnector.AccessTokenKey, result.FailedSetting);
        Assert.Contains("ACCESS_DENIED", result.Message, StringComparison.Ordinal);
        Assert.Contains("read_locations", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopifyTestServices.Token, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LocationAnsweredWithAFieldOfAnotherType_NamesTheFieldAndNoDotNetType()
    {
        // "isActive" as a string: System.Text.Json's own message would name System.Boolean.
        const string Body = """{"data":{"location":{"id":"gid://shopify/Location/1","name":"Lager","isActive":"yes"}}}""";
        await using var connector = ShopifyTestServices.Create(null, _time, services => services.AddHttpClient(ShopifyConnector.HttpClientName).AddHttpMessageHandler(() => new Answering("query Location", Body)));
        var context = await ContextAsync(ShopifyTestServices.Settings(_shop));

        var result = await connector.CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("the field data.location.isActive does not have the documented type", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownLocation_FailsNamingTheLocationSetting()
    {
        var result = await CheckAsync(ShopifyTestServices.Settings(_shop).Set(ShopifyConnector.LocationKey, "12345"));

        Assert.False(result.Passed);
        Assert.Equal(ShopifyConnector.LocationKey, result.FailedSetting);
        Assert.Contains("no location 12345", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ValidSettings_PassesWithTheShopsName()
    {
        var result = await CheckAsync(ShopifyTestServices.Settings(_shop));

        Assert.True(result.Passed, result.Message);
        Assert.Contains("Connect Fake Shop", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ByVariantIdAndUnknownLabelOrValue_SetsWhatItCanAndSaysWhyNotTheRest()
    {
        var variant = new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9007199254750001");
        _shop.SeedArticle(variant, 2);
        var context = await ContextAsync(ShopifyTestServices.Settings(_shop));

        var result = await Stock.PushStockAsync(
            context,
            [
                new StockUpdate("ART-1", variant, 9),
                new StockUpdate("ART-2", new ForeignNumber(ForeignNumberLabel.Sku, "MUG"), 1),
                new StockUpdate("ART-3", new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "gid-ish"), 1),
                new StockUpdate("ART-4", new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9007199254750003"), 1),
            ],
            CancellationToken.None);

        Assert.Equal(9, _shop.StockOf(variant));
        var records = result.Records.ToDictionary(r => r.RecordKey);
        Assert.Equal(RecordOutcome.Succeeded, records["ART-1"].Outcome);
        Assert.Contains("is not a Shopify label", records["ART-2"].Message, StringComparison.Ordinal);
        Assert.Contains("is not a Shopify id", records["ART-3"].Message, StringComparison.Ordinal);
        Assert.Contains("Shopify has no variant 9007199254750003", records["ART-4"].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "inventorySetQuantities")]
    [InlineData(true, "inventorySetQuantities")]
    [InlineData(true, "query Variant(")]
    public async Task Push_TokenRefusedOrWithoutTheInventoryScope_ThrowsARefusalOfTheCredentialsInsteadOfFailingEachArticle(bool scopeMissing, string deniedCall)
    {
        // A refused token (401) or scope (ACCESS_DENIED, HTTP 200, on the write or on the read of the level) is the
        // connection's: the SDK pauses it on this exception.
        var variant = new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9007199254750001");
        _shop.SeedArticle(variant, 2);
        await using var connector = ShopifyTestServices.Create(null, _time, services => services.AddHttpClient(ShopifyConnector.HttpClientName).AddHttpMessageHandler(() => new AccessDenied(deniedCall)));
        var context = await ContextAsync(ShopifyTestServices.Settings(_shop, scopeMissing ? null : ShopifyTestServices.WrongToken));
        var stock = scopeMissing ? connector.Features.OfType<IStockFeature>().Single() : Stock;

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => stock.PushStockAsync(context, [new StockUpdate("ART-1", variant, 9), new StockUpdate("ART-2", variant, 9)], CancellationToken.None).AsTask());

        Assert.True(CredentialsRefusal.In(error), error.Message);
        Assert.Equal(ConnectSdkErrorCode.CredentialsRefused, error.Code);
        Assert.Equal(scopeMissing ? ["ACCESS_DENIED"] : [], error.MarketplaceErrorCodes);
        Assert.Empty(error.Data);
        Assert.Equal(2, _shop.StockOf(variant));
    }

    [Fact]
    public async Task Push_NoLocation_ThrowsNamingTheSetting()
    {
        var context = await ContextAsync(SettingsUpdate.Empty
            .Set(ShopifyConnector.ShopKey, _shop.BaseAddress.ToString())
            .SetSecret(ShopifyConnector.AccessTokenKey, new SecretValue(ShopifyTestServices.Token)));

        var error = await Assert.ThrowsAsync<ConnectionSettingException>(() => Stock.PushStockAsync(context, [new StockUpdate("ART-1", new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "1"), 1)], CancellationToken.None).AsTask());

        Assert.Contains($"Setting '{ShopifyConnector.LocationKey}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(ShopifyConnector.LocationKey, error.SettingKey);
    }

    private IStockFeature Stock => _connector.Features.OfType<IStockFeature>().Single();

    private async Task<ConnectionCheckResult> CheckAsync(SettingsUpdate settings) =>
        await _connector.CheckConnectionAsync(await ContextAsync(settings), CancellationToken.None);

    private async Task<ConnectionContext> ContextAsync(SettingsUpdate settings)
    {
        var connection = new ConnectionId("c-" + Guid.NewGuid().ToString("N")[..8]);
        await _host.Lifecycle.CreateAsync(connection, ShopifyConnector.Id, connection.Value, ConnectTestHost.User, CancellationToken.None);
        await _host.Lifecycle.UpdateSettingsAsync(connection, settings, ConnectTestHost.User, CancellationToken.None);
        return await _host.ContextOfAsync(connection);
    }

    // Answers one query with a body of the test's choosing.
    private sealed class Answering(string query, string body) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            return sent.Contains(query, StringComparison.Ordinal)
                ? new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") }
                : await base.SendAsync(request, cancellationToken);
        }
    }

    // Answers one query as Shopify answers a token whose app lacks the scope the field needs.
    private sealed class AccessDenied(string query) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (!body.Contains(query, StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            const string Denied = """{"errors":[{"message":"Access denied for location field. Required access: `read_locations` access scope.","extensions":{"code":"ACCESS_DENIED","documentation":"https://shopify.dev/api/usage/access-scopes","requiredAccess":"`read_locations` access scope."},"path":["location"]}],"data":{"location":null}}""";
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(Denied, System.Text.Encoding.UTF8, "application/json") };
        }
    }
}
