using Connect.Sdk.Features;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Connect.Sdk.Testing.Time;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Otto.Tests.Auth;

public sealed class OttoAccessTokenTests : IAsyncDisposable
{
    private readonly WaitAwareFakeTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly OttoMarketFake _otto;
    private readonly ServiceProvider _services;

    public OttoAccessTokenTests()
    {
        _otto = OttoMarketFake.Start(OttoTestKeys.Credentials, new MarketplaceFakeOptions { Clock = new TimeProviderClock(_time), DelayTime = _time.ServerTime });
        _otto.TokenLifetime = Duration.FromMinutes(10);
        _otto.SeedArticle(OttoTestMarket.Sku(1), 0);
        _services = OttoTestServices.Build(AdapterTestLog.CreateFactory(), services => services.UseFakeTime(_time));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _otto.DisposeAsync();
    }

    [Fact]
    public async Task Push_ManyRequestsWithinTheTokensLifetime_OneToken()
    {
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress));

        for (var i = 0; i < 5; i++)
        {
            await PushAsync(context, i);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, _otto.TokensIssued);
        Assert.Single(_otto.Requests, r => r.Operation == "token");
    }

    [Fact]
    public async Task Push_TokenAboutToExpire_RenewedBeforeOttoRefusesIt()
    {
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress));
        await PushAsync(context, 1);

        // Ten minutes' lifetime: within its last minute the connector asks for a new one instead of risking a 401.
        _time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(30));
        await PushAsync(context, 2);

        Assert.Equal(2, _otto.TokensIssued);
        Assert.DoesNotContain(_otto.Requests, r => r.StatusCode == 401);
        Assert.Equal(2, _otto.StockOf(OttoTestMarket.Sku(1)));
    }

    [Fact]
    public async Task Push_OttoRefusesTheKeptToken_NewTokenAndTheRequestSentOnce()
    {
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress));
        await PushAsync(context, 1);
        _otto.ExpireTokens();

        await PushAsync(context, 3);

        Assert.Equal(2, _otto.TokensIssued);
        var updates = _otto.Requests.Where(r => r.Operation == "availability.quantities.update").Select(r => r.StatusCode).ToArray();
        Assert.Equal([200, 401, 200], updates);
        Assert.Equal(3, _otto.StockOf(OttoTestMarket.Sku(1)));
    }

    [Fact]
    public async Task Push_WrongSecret_BatchThrowsCredentialsRefusedWithoutTheSecret()
    {
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress, OttoTestKeys.WrongSecret));

        var refused = await Assert.ThrowsAsync<ConnectSdkException>(() => PushAsync(context, 1));

        Assert.True(CredentialsRefusal.In(refused));
        Assert.Contains("invalid_client", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OttoTestKeys.WrongSecret, refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(401, Assert.Single(_otto.Requests, r => r.Operation == "token").StatusCode);
        Assert.DoesNotContain(_otto.Requests, r => r.Operation == "availability.quantities.update");
    }

    [Fact]
    public async Task CheckConnection_WrongSecret_FailsNamingTheClientSecretSetting()
    {
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress, OttoTestKeys.WrongSecret));

        var check = await _services.Connector().CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(check.Passed);
        Assert.Equal(OttoConnector.ClientSecretKey, check.FailedSetting);
        Assert.Contains("invalid_client", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OttoTestKeys.WrongSecret, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_ToString_NeverTheSecret()
    {
        var credentials = new Http.OttoCredentials(OttoTestKeys.ClientId, new SecretValue(OttoTestKeys.ClientSecret));

        Assert.DoesNotContain(OttoTestKeys.ClientSecret, credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(OttoTestKeys.ClientSecret, OttoTestKeys.Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnection_ProxyEchoesTheAuthorizationHeader_TokenNotInTheMessage()
    {
        var echo = new EchoAuthorizationTransport();
        await using var services = OttoTestServices.Build(
            AdapterTestLog.CreateFactory(),
            s => s.UseFakeTime(_time).AddHttpClient(OttoClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => echo));
        var context = await OttoTestServices.ContextAsync(OttoTestKeys.Settings(_otto.BaseAddress));

        var check = await services.Connector().CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(check.Passed);
        Assert.NotNull(echo.SeenToken);
        Assert.DoesNotContain(echo.SeenToken, check.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer ***", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenAnswer_ToString_NeverTheToken()
    {
        var answer = new Wire.OttoTokenJson("eyJhbGciOiJSUzI1NiJ9.sample-token", 3600);

        Assert.DoesNotContain("sample-token", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("3600", answer.ToString(), StringComparison.Ordinal);
    }

    private async Task PushAsync(Connectors.ConnectionContext context, int quantity)
    {
        var stock = _services.Feature<IStockFeature>();
        var push = stock.PushStockAsync(context, [new StockUpdate(OttoTestMarket.Article(1), OttoTestMarket.Sku(1), quantity)], CancellationToken.None).AsTask();
        await using (_time.DriveInBackground())
        {
            var result = await push;
            Assert.Equal(RecordOutcome.Succeeded, Assert.Single(result.Records).Outcome);
        }
    }
}
