using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Shopware.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopware.Tests.Auth;

/// <summary>The client-credentials token: fetched once, kept, renewed before <c>expires_in</c> runs out, renewed after a revocation.</summary>
public sealed class ShopwareTokenTests
{
    [Fact]
    public async Task Token_CallsWithinItsLifetime_FetchedOnce()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        var issued = shop.Fake.TokensIssued;

        await CheckAsync(shop);
        shop.Host.Time.Advance(TimeSpan.FromMinutes(30));
        await CheckAsync(shop);

        Assert.Equal(issued, shop.Fake.TokensIssued);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Token_LessThanAMinuteLeft_RenewedBeforeItRunsOut()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        await CheckAsync(shop);
        var issued = shop.Fake.TokensIssued;

        // 3600 s minus 30 s: the token is still valid, but too close to its end to be sent.
        shop.Host.Time.Advance(TimeSpan.FromSeconds(3570));
        await CheckAsync(shop);

        Assert.Equal(issued + 1, shop.Fake.TokensIssued);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Token_RevokedByTheShop_NewTokenAndTheCallSucceeds()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        await CheckAsync(shop);
        var issued = shop.Fake.TokensIssued;
        shop.Fake.ExpireTokens();

        var result = await CheckAsync(shop);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(issued + 1, shop.Fake.TokensIssued);
        Assert.Single(shop.Fake.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task ConnectionCheck_WrongSecret_FailsNamingTheSecretAndNeverShowsIt()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        var connector = shop.Host.Get<ConnectorRegistry>().Get(ShopwareConnector.Id);
        var context = new ConnectionContext(shop.Connection, ShopwareConnector.Id, (await shop.Host.ContextOfAsync(shop.Connection)).Settings, new WrongSecretStore());

        var result = await connector.CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(ShopwareConnector.ClientSecretKey, result.FailedSetting);
        Assert.Contains("Client authentication failed", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopwareTestKeys.WrongSecret, result.Message, StringComparison.Ordinal);
    }

    private static async Task<ConnectionCheckResult> CheckAsync(ShopwareTestShop shop)
    {
        var connector = shop.Host.Get<ConnectorRegistry>().Get(ShopwareConnector.Id);
        return await connector.CheckConnectionAsync(await shop.Host.ContextOfAsync(shop.Connection), CancellationToken.None);
    }
}

/// <summary>The connection's secrets with the wrong secret access key.</summary>
internal sealed class WrongSecretStore : Connect.Sdk.Settings.ISecretStore
{
    public ValueTask<Connect.Sdk.Settings.SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Connect.Sdk.Settings.SecretValue?>(new(key == ShopwareConnector.ClientIdKey ? ShopwareTestKeys.ClientId : ShopwareTestKeys.WrongSecret));

    public ValueTask SetAsync(ConnectionId connection, string key, Connect.Sdk.Settings.SecretValue secret, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>The bearer token is no setting secret, yet it never reaches a message: an answer that echoes it is redacted.</summary>
public sealed class ShopwareTokenRedactionTests
{
    [Fact]
    public async Task ConnectionCheck_ProxyEchoesTheAuthorizationHeader_TokenNotInTheMessage()
    {
        var echo = new EchoAuthorizationHandler();
        await using var shop = await ShopwareTestShop.StartAsync(null, null, services => services.AddHttpClient(Http.ShopwareClient.ClientName).AddHttpMessageHandler(() => echo), FeatureKind.Stock);
        var connector = shop.Host.Get<ConnectorRegistry>().Get(ShopwareConnector.Id);
        echo.Armed = true;

        // A 502 is retried after back-offs on the host's fake time, which the drive moves on.
        var check = connector.CheckConnectionAsync(await shop.Host.ContextOfAsync(shop.Connection), CancellationToken.None).AsTask();
        await shop.Host.Time.DriveAsync(check, TimeSpan.FromMinutes(10));
        var result = await check;

        Assert.False(result.Passed);
        Assert.NotNull(echo.SeenToken);
        Assert.DoesNotContain(echo.SeenToken, result.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer ***", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.LogLines, line => line.Contains(echo.SeenToken, StringComparison.Ordinal));
    }
}
