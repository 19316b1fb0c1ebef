using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Auth;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Connect.Sdk.Ebay.Tests.TestSupport.EbayTestSeller;

namespace Connect.Sdk.Ebay.Tests.Auth;

public sealed class EbayRefreshTokenTests
{
    [Fact]
    public async Task CheckConnection_RevokedRefreshToken_FailsOnTheRefreshToken_SayingToAuthoriseAgain()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        seller.Fake.RevokeRefreshToken();
        var connector = seller.Host.Get<ConnectorRegistry>().Get(EbayConnector.Id);

        // Another connection of the same seller, which holds no access token yet: its check exchanges the refresh token.
        var check = await connector.CheckConnectionAsync(await EbayTestServices.ContextAsync(EbayTestKeys.Settings(seller.Fake.BaseAddress), "ebay-2"), CancellationToken.None);

        Assert.False(check.Passed);
        Assert.Equal(EbayConnector.RefreshTokenKey, check.FailedSetting);
        Assert.Contains("Authorise the application again", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EbayTestKeys.RefreshToken, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StockRun_TokensRevoked_ExchangesOnceAfterThe401_ThenPausesTheConnection_InsteadOfRetrying()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Stock]);
        await seller.MapArticleAsync(1, 3, 7);
        seller.Fake.RevokeRefreshToken();
        seller.Fake.RevokeAccessTokens();

        await seller.Host.RunDueAsync();
        await seller.Host.RunDueAsync();

        Assert.Equal(3, seller.Fake.StockOf(Listing(1)));
        Assert.Single(seller.Fake.Requests, r => r.Operation == EbayOperations.Token && r.StatusCode == 400);
        var paused = await seller.Host.JournalEntriesAsync(seller.Connection, RecordKind.Connection);
        Assert.Contains(paused, e => e.Status == JournalStatus.Failed && (e.Message ?? string.Empty).Contains("Authorise the application again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessToken_ReusedUntilFiveMinutesBeforeItsTwoHours_ThenExchangedAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var fake = EbayFake.Start(EbayTestKeys.Credentials, new Testing.Fakes.MarketplaceFakeOptions { Clock = new TimeProviderClock(time) });
        await using var services = EbayTestServices.Build(AdapterTestLog.CreateFactory(), time);
        var tokens = services.GetRequiredService<EbayTokenCache>();
        var settings = await EbaySettings.ReadAsync(await EbayTestServices.ContextAsync(EbayTestKeys.Settings(fake.BaseAddress)), CancellationToken.None);

        var first = await tokens.GetAsync(settings, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(114));
        var stillFirst = await tokens.GetAsync(settings, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await tokens.GetAsync(settings, CancellationToken.None);

        Assert.Same(first, stillFirst);
        Assert.NotSame(first, renewed);
        Assert.Equal(2, fake.Requests.Count(r => r.Operation == EbayOperations.Token));
    }
}
