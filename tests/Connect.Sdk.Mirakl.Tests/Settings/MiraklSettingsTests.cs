using Connect.Sdk.Settings;

namespace Connect.Sdk.Mirakl.Tests.Settings;

/// <summary>What <see cref="MiraklConnector.ValidateSettings"/> refuses when a user saves the settings, each naming its key.</summary>
public sealed class MiraklSettingsTests
{
    [Theory]
    [InlineData(MiraklConnector.InstanceUrlKey, "http://marketplace.example.com/")]
    [InlineData(MiraklConnector.InstanceUrlKey, "https://user:key@marketplace.example.com/")]
    [InlineData(MiraklConnector.ShopIdKey, "shop-7")]
    [InlineData(MiraklConnector.ShopIdKey, "0")]
    [InlineData(MiraklConnector.AcceptanceKey, "sometimes")]
    [InlineData(MiraklConnector.PriceBasisKey, "brutto")]
    [InlineData(MiraklConnector.RequestsPerSecondKey, "NaN")]
    [InlineData(MiraklConnector.ShipmentsKey, "parcels")]
    public void ValidateSettings_InvalidValue_RefusedNamingTheKey(string key, string value)
    {
        var settings = Valid().With(key, value);

        var problem = Assert.Single(Connector().ValidateSettings(settings));

        Assert.Equal(key, problem.Key);
        Assert.Contains($"({key})", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSettings_HttpsInstanceAndEveryOption_NoProblem()
    {
        var settings = Valid()
            .With(MiraklConnector.ShopIdKey, "2001")
            .With(MiraklConnector.AcceptanceKey, "Automatic")
            .With(MiraklConnector.PriceBasisKey, "net")
            .With(MiraklConnector.RequestsPerSecondKey, "0.5")
            .With(MiraklConnector.ShipmentsKey, "Lines");

        Assert.Empty(Connector().ValidateSettings(settings));
    }

    private static ConnectionSettings Valid() => ConnectionSettings.Empty.With(MiraklConnector.InstanceUrlKey, "https://marketplace.example.com/");

    private static MiraklConnector Connector() => new(
        new NoHttp(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System, () => null, () => null);

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("Validation sends nothing.");
    }
}
