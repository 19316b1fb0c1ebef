using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopify.Tests.Settings;

public sealed class ShopifySettingsTests
{
    [Theory]
    [InlineData("my-shop.myshopify.com", "https://my-shop.myshopify.com/admin/api/2026-04/graphql.json", "shopify:my-shop.myshopify.com")]
    [InlineData("https://My-Shop.myshopify.com/admin", "https://my-shop.myshopify.com/admin/api/2026-04/graphql.json", "shopify:my-shop.myshopify.com")]
    [InlineData("http://127.0.0.1:5123/", "http://127.0.0.1:5123/admin/api/2026-04/graphql.json", "shopify:127.0.0.1:5123")]
    public void Read_ShopAddress_GivesEndpointAndAccount(string shop, string endpoint, string account)
    {
        var (settings, problem) = ShopifySettings.Read(Settings(shop));

        Assert.Null(problem);
        Assert.Equal(new Uri(endpoint), settings!.GraphQLEndpoint);
        Assert.Equal(account, settings.AccountKey);
    }

    [Theory]
    [InlineData("76543210987654321", "gid://shopify/Location/76543210987654321")]
    [InlineData("gid://shopify/Location/12", "gid://shopify/Location/12")]
    public void Read_Location_BecomesItsGid(string location, string gid)
    {
        var (settings, _) = ShopifySettings.Read(Settings("s.myshopify.com", location: location));

        Assert.Equal(gid, settings!.LocationGid);
    }

    [Theory]
    [InlineData("", null, null, ShopifyConnector.ShopKey, "shop address is empty")]
    [InlineData("not a domain", null, null, ShopifyConnector.ShopKey, "is not a domain")]
    [InlineData("http://s.myshopify.com", null, null, ShopifyConnector.ShopKey, "uses plain HTTP")]
    [InlineData("https://s.myshopify.com/?access_token=shpat_0000000000", null, null, ShopifyConnector.ShopKey, "no user info, no query string")]
    [InlineData("s.myshopify.com", "2026-4", null, ShopifyConnector.ApiVersionKey, "is not a Shopify version")]
    [InlineData("s.myshopify.com", "2025-10", null, ShopifyConnector.ApiVersionKey, "older than 2026-04")]
    [InlineData("s.myshopify.com", null, "Warehouse", ShopifyConnector.LocationKey, "neither a location id")]
    [InlineData("s.myshopify.com", null, "gid://shopify/Product/1", ShopifyConnector.LocationKey, "neither a location id")]
    public void Read_WrongSetting_NamesItAndWhy(string shop, string? version, string? location, string key, string why)
    {
        var (settings, problem) = ShopifySettings.Read(Settings(shop, version, location));

        Assert.Null(settings);
        Assert.Equal(key, problem!.Key);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("shpat_", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-07")]
    [InlineData("unstable")]
    public void Read_LaterVersion_IsUsed(string version)
    {
        var (settings, _) = ShopifySettings.Read(Settings("s.myshopify.com", version));

        Assert.Equal(version, settings!.ApiVersion);
        Assert.EndsWith($"/admin/api/{version}/graphql.json", settings.GraphQLEndpoint.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VeryLongShopAddress_IsRefusedWithAMessageOfALine()
    {
        var (_, problem) = ShopifySettings.Read(Settings("https://s.myshopify.com/" + new string('a', 70_000)));

        Assert.Equal((ShopifyConnector.ShopKey, "The shop address (shop) is 70024 characters long; an address has at most 2048."), (problem!.Key, problem.Message));
    }

    [Fact]
    public void Read_VeryLongLocation_IsQuotedShortened()
    {
        var location = "Warehouse " + new string('x', 70_000);

        var (_, problem) = ShopifySettings.Read(Settings("s.myshopify.com", location: location));

        Assert.Equal(
            $"The location '{location[..60]}…' (70010 characters) is neither a location id (digits) nor a GID such as gid://shopify/Location/123.",
            problem!.Message);
    }

    [Fact]
    public void ValidateSettings_EveryFilledSettingIsChecked_AnEmptyShopIsLeftToIntegrationMode()
    {
        var connector = new ShopifyConnector(new NoClients(), new Connect.Sdk.Http.AccountBudgets(TimeProvider.System), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var settings = ConnectionSettings.Empty.With(ShopifyConnector.ApiVersionKey, "2025-10").With(ShopifyConnector.LocationKey, "Warehouse");

        var problems = connector.ValidateSettings(settings);

        Assert.Equal([ShopifyConnector.ApiVersionKey, ShopifyConnector.LocationKey], problems.Select(p => p.Key));
        Assert.Empty(connector.ValidateSettings(Settings("s.myshopify.com", "2026-07", "12")));
    }

    [Fact]
    public void Descriptor_TokenIsASecretAndTheLocationBelongsToStock()
    {
        var connector = new ShopifyConnector(new NoClients(), new Connect.Sdk.Http.AccountBudgets(TimeProvider.System), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var fields = connector.Descriptor.Settings.Groups.SelectMany(g => g.Fields.Select(f => (Group: g, Field: f))).ToDictionary(x => x.Field.Key);

        Assert.True(fields[ShopifyConnector.AccessTokenKey].Field.IsSecret);
        Assert.True(fields[ShopifyConnector.ShopKey].Field.IsMandatory);
        Assert.Equal(ShopifyConnector.DefaultApiVersion, fields[ShopifyConnector.ApiVersionKey].Field.DefaultValue);
        Assert.Equal(Connect.Sdk.Features.FeatureKind.Stock, fields[ShopifyConnector.LocationKey].Group.Feature);
    }

    private static ConnectionSettings Settings(string shop, string? version = null, string? location = null)
    {
        var values = new Dictionary<string, string> { [ShopifyConnector.ShopKey] = shop };
        if (version is not null)
        {
            values[ShopifyConnector.ApiVersionKey] = version;
        }

        if (location is not null)
        {
            values[ShopifyConnector.LocationKey] = location;
        }

        return new ConnectionSettings(values, []);
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No requests in these tests.");
    }
}
