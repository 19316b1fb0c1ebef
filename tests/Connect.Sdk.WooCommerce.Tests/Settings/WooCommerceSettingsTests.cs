using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.WooCommerce.Tests.Settings;

public sealed class WooCommerceSettingsTests
{
    private static readonly Actor Anna = new("anna");

    [Theory]
    [InlineData("https://shop.example.com", "https://shop.example.com/wp-json/wc/v3/")]
    [InlineData("https://example.com/shop", "https://example.com/shop/wp-json/wc/v3/")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/wp-json/wc/v3/")]
    [InlineData("http://localhost/", "http://localhost/wp-json/wc/v3/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/wp-json/wc/v3/")]
    public void TryParse_HttpsOrLoopback_GivesTheApiAddress(string storeUrl, string api)
    {
        Assert.True(WooCommerceSettings.TryParse(storeUrl, null, out var settings, out _));
        Assert.Equal(new Uri(api), settings.ApiAddress);
        Assert.Null(settings.RequestsPerSecond);
    }

    [Theory]
    [InlineData("http://shop.example.com/", "plain HTTP")]
    [InlineData("ftp://shop.example.com/", "is not an address")]
    [InlineData("shop.example.com", "is not an address")]
    [InlineData("https://ck_0123456789:cs_9876543210@shop.example.com/", "is not an address")]
    [InlineData("https://shop.example.com/?consumer_key=ck_0123456789&consumer_secret=cs_9876543210", "is not an address")]
    [InlineData("", "is empty")]
    [InlineData(null, "is empty")]
    public void TryParse_BadStoreUrl_NamesTheSetting(string? storeUrl, string reason)
    {
        Assert.False(WooCommerceSettings.TryParse(storeUrl, null, out _, out var problem));
        Assert.Equal(WooCommerceConnector.StoreUrlKey, problem.Key);
        Assert.Contains(WooCommerceConnector.StoreUrlKey, problem.Message, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);

        // A URL pasted with the credentials in it must not carry them into the check's message and the journal.
        Assert.DoesNotContain("cs_9876543210", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData(" 0.5 ", 0.5)]
    public void TryParse_RequestsPerSecond_IsRead(string text, double expected)
    {
        Assert.True(WooCommerceSettings.TryParse("https://shop.example.com/", text, out var settings, out _));
        Assert.Equal(expected, settings.RequestsPerSecond);
        Assert.Equal("woocommerce:https://shop.example.com", settings.Account);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2,5")]
    [InlineData("fast")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1000.5")]
    public void TryParse_BadRequestsPerSecond_NamesTheSetting(string text)
    {
        Assert.False(WooCommerceSettings.TryParse("https://shop.example.com/", text, out _, out var problem));
        Assert.Equal(WooCommerceConnector.RequestsPerSecondKey, problem.Key);
        Assert.Contains($"'{text}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_VeryLongRequestsPerSecond_QuotesItShortened()
    {
        var text = new string('9', 70_000) + "x";

        Assert.False(WooCommerceSettings.TryParse("https://shop.example.com/", text, out _, out var problem));

        Assert.Equal(
            $"The requests per second (requestsPerSecond) '{new string('9', 60)}…' (70001 characters) is not a positive number up to 1000 such as 2 or 0.5.",
            problem.Message);
    }

    [Fact]
    public void TryParse_VeryLongStoreUrl_IsRefusedWithAMessageOfALine()
    {
        var storeUrl = "https://shop.example.com/" + new string('a', 70_000);

        Assert.False(WooCommerceSettings.TryParse(storeUrl, null, out _, out var problem));

        Assert.Equal((WooCommerceConnector.StoreUrlKey, "The WooCommerce store URL (storeUrl) is 70025 characters long; an address has at most 2048."), (problem.Key, problem.Message));
    }

    [Fact]
    public async Task UpdateSettings_RequestsPerSecondNaN_IsRefusedWhenSavedNamingTheSetting()
    {
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), TimeProvider.System);
        var lifecycle = services.GetRequiredService<ConnectionLifecycle>();
        var id = new ConnectionId("woo-1");
        await lifecycle.CreateAsync(id, WooCommerceConnector.Id, "Woo", Anna, CancellationToken.None);

        var result = await lifecycle.UpdateSettingsAsync(
            id, SettingsUpdate.Empty.Set(WooCommerceConnector.StoreUrlKey, "https://shop.example.com/").Set(WooCommerceConnector.RequestsPerSecondKey, "NaN"), Anna, CancellationToken.None);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal((RefusalCode.InvalidSetting, WooCommerceConnector.RequestsPerSecondKey), (reason.Code, reason.SettingKey));
        Assert.Equal("The requests per second (requestsPerSecond) 'NaN' is not a positive number up to 1000 such as 2 or 0.5.", reason.Message);
        Assert.Null((await services.GetRequiredService<IConnectionStore>().GetAsync(id, CancellationToken.None))!.Settings.Get(WooCommerceConnector.StoreUrlKey));
    }

    [Theory]
    [InlineData("https://shop.example.com/", "2", true)]
    [InlineData("https://shop.example.com/?consumer_key=ck_1", null, false)]
    [InlineData(null, "0.5", true)]
    public void ValidateSettings_FilledSettings_AreCheckedAndEmptyOnesLeftToIntegrationMode(string? storeUrl, string? rate, bool valid)
    {
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), TimeProvider.System);
        var settings = ConnectionSettings.Empty.With(WooCommerceConnector.StoreUrlKey, storeUrl).With(WooCommerceConnector.RequestsPerSecondKey, rate);

        var problems = services.Connector().ValidateSettings(settings);

        Assert.Equal(valid, problems.Count == 0);
    }
}
