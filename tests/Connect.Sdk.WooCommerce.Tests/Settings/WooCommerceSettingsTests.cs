namespace Connect.Sdk.WooCommerce.Tests.Settings;

public sealed class WooCommerceSettingsTests
{
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
    public void TryParse_BadRequestsPerSecond_NamesTheSetting(string text)
    {
        Assert.False(WooCommerceSettings.TryParse("https://shop.example.com/", text, out _, out var problem));
        Assert.Equal(WooCommerceConnector.RequestsPerSecondKey, problem.Key);
        Assert.Contains($"'{text}'", problem.Message, StringComparison.Ordinal);
    }
}
