using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto.Tests.Settings;

public sealed class OttoSettingsTests
{
    [Theory]
    [InlineData(OttoConnector.ShipFromCountryKey, "DE", "not an ISO 3166-1 alpha-3 code such as DEU")]
    [InlineData(OttoConnector.ShipFromCountryKey, "deu", "not an ISO 3166-1 alpha-3 code such as DEU")]
    [InlineData(OttoConnector.ApiUrlKey, "http://api.otto.market/", "uses plain HTTP")]
    [InlineData(OttoConnector.ApiUrlKey, "https://api.otto.market/?client_secret=x", "no user info, no query string")]
    [InlineData(OttoConnector.RequestsPerMinuteKey, "0", "not a whole number from 1 to")]
    [InlineData(OttoConnector.RequestsPerMinuteKey, "2.5", "not a whole number from 1 to")]
    public void ValidateSettings_InvalidValue_OneProblemNamingTheSetting(string key, string value, string why)
    {
        var settings = Valid().With(key, value);

        var problem = Assert.Single(Connector().ValidateSettings(settings));

        Assert.Equal(key, problem.Key);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSettings_ShipFromCountryWithoutCity_NamesTheCity()
    {
        var settings = Valid().With(OttoConnector.ShipFromCityKey, string.Empty);

        Assert.Equal(OttoConnector.ShipFromCityKey, Assert.Single(Connector().ValidateSettings(settings)).Key);
    }

    [Fact]
    public void ValidateSettings_ValidAndLoopback_NoProblem()
    {
        Assert.Empty(Connector().ValidateSettings(Valid()));
        Assert.Empty(Connector().ValidateSettings(Valid().With(OttoConnector.ApiUrlKey, "http://127.0.0.1:5080/")));
    }

    private static OttoConnector Connector() => OttoTestServices.Build(Connect.Sdk.TestSupport.AdapterTestLog.CreateFactory()).Connector();

    private static ConnectionSettings Valid() => new(
        new Dictionary<string, string>
        {
            [OttoConnector.ApiUrlKey] = "https://api.otto.market/",
            [OttoConnector.ClientIdKey] = OttoTestKeys.ClientId,
            [OttoConnector.RequestsPerMinuteKey] = "60",
            [OttoConnector.ShipFromCityKey] = "Hamburg",
            [OttoConnector.ShipFromZipCodeKey] = "22222",
            [OttoConnector.ShipFromCountryKey] = "DEU",
        },
        [OttoConnector.ClientSecretKey]);
}
