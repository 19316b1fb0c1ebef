using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopware.Tests.Settings;

/// <summary>The plain settings: an https shop address (http only on loopback) and a positive request rate.</summary>
public sealed class ShopwareSettingsTests
{
    [Theory]
    [InlineData("https://shop.example.com/", true)]
    [InlineData("http://127.0.0.1:8000/", true)]
    [InlineData("http://shop.example.com/", false)]
    [InlineData("https://user:pw@shop.example.com/", false)]
    [InlineData("shop.example.com", false)]
    public void TryParse_ShopUrl_OnlyHttpsOrLoopback(string url, bool valid) =>
        Assert.Equal(valid, ShopwareSettings.TryParse(url, null, out _, out _));

    [Fact]
    public void TryParse_ShopUnderAPath_ApiBelowIt() =>
        Assert.Equal("https://example.com/shop/api/", ShopwareSettings.TryParse("https://example.com/shop", null, out var settings, out _) ? settings.ApiAddress.ToString() : null);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("fast")]
    [InlineData("1001")]
    public void Problems_BadRequestRate_NamesTheSetting(string rate)
    {
        var problem = Assert.Single(ShopwareConnectorProblems(rate));
        Assert.Equal(ShopwareConnector.RequestsPerSecondKey, problem.Key);
    }

    private static IReadOnlyList<SettingProblem> ShopwareConnectorProblems(string rate) =>
        ShopwareSettings.Problems(new ConnectionSettings(new Dictionary<string, string> { [ShopwareConnector.ShopUrlKey] = "https://shop.example.com/", [ShopwareConnector.RequestsPerSecondKey] = rate }, new HashSet<string>()));
}
