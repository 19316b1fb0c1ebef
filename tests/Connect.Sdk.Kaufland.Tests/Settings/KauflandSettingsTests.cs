using Connect.Sdk.Settings;

namespace Connect.Sdk.Kaufland.Tests.Settings;

/// <summary>The plain settings are checked when saved, each problem naming its setting.</summary>
public sealed class KauflandSettingsTests
{
    [Theory]
    [InlineData("storefront", "uk", "is not one of de, at, sk, cz, pl, fr, it")]
    [InlineData("apiUrl", "http://sellerapi.kaufland.com/v2/", "must be an https:// address")]
    [InlineData("apiUrl", "https://sellerapi.kaufland.com/v2/?secret=1", "without user info or query")]
    [InlineData("userAgent", "line\nbreak", "must be one line")]
    public void ValidateSettings_InvalidValue_ProblemNamingTheSetting(string key, string value, string expected)
    {
        var problem = Assert.Single(KauflandSettings.Problems(new ConnectionSettings([KeyValuePair.Create(key, value)], []), includeEmpty: false));

        Assert.Equal(key, problem.Key);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NoAddressGiven_KauflandsApiAndTheStorefrontsCurrency()
    {
        Assert.True(KauflandSettings.TryRead(new ConnectionSettings([KeyValuePair.Create("storefront", "pl"), KeyValuePair.Create("userAgent", "ERP")], []), out var settings, out _));

        Assert.Equal(new Uri("https://sellerapi.kaufland.com/v2/"), settings.ApiAddress);
        Assert.Equal(new CurrencyCode("PLN"), settings.Currency);
    }

    [Fact]
    public void TryRead_NoPartnerSolutionName_RefusedNamingUserAgent()
    {
        Assert.False(KauflandSettings.TryRead(new ConnectionSettings([KeyValuePair.Create("storefront", "de")], []), out _, out var problem));

        Assert.Equal(KauflandConnector.UserAgentKey, problem.Key);
    }
}
