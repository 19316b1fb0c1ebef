using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Amazon.Tests.Auth;

/// <summary>The LWA access token: exchanged once per connection, shared by concurrent requests, renewed before it expires and once when Amazon calls it expired.</summary>
public sealed class AccessTokenTests : IAsyncDisposable
{
    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeClock _amazonClock = new(Instant.FromUtc(2026, 11, 23, 8, 0));
    private readonly AmazonSellingPartnerFake _amazon;
    private readonly ServiceProvider _services;

    public AccessTokenTests()
    {
        // Amazon's clock is the fake's own here, so a test can let a token expire on Amazon's side only.
        _amazon = AmazonSellingPartnerFake.Start(AmazonTestAccount.Credentials, new Testing.Fakes.MarketplaceFakeOptions { Clock = _amazonClock });
        _services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time);
        for (var i = 1; i <= 10; i++)
        {
            _amazon.SeedArticle(AmazonTestHost.Fbm($"SKU-{i}"), 0);
        }

        _amazon.SeedOrder(AmazonTestHost.Order(AmazonTestHost.OrderNumber(1), _amazonClock.GetCurrentInstant(), AmazonTestHost.Fbm("SKU-1"), 1));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _amazon.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentRequests_ShareOneExchange()
    {
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LookUpAsync(context)));

        Assert.Equal(1, Exchanges());
        Assert.Equal(8, _amazon.Requests.Count(r => r.Operation == AmazonOperations.GetOrder && r.StatusCode == 200));
    }

    [Fact]
    public async Task TokenNearItsExpiry_IsRenewedBeforeAmazonRefusesIt()
    {
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));
        await LookUpAsync(context);

        _time.Advance(TimeSpan.FromSeconds(3600 - 61));
        await LookUpAsync(context);
        Assert.Equal(1, Exchanges());

        // Within a minute of Amazon's expires_in (3600 s) the connector exchanges again before sending.
        _time.Advance(TimeSpan.FromSeconds(2));
        _amazonClock.AdvanceSeconds(3600 - 59);
        await LookUpAsync(context);
        Assert.Equal(2, Exchanges());
        Assert.DoesNotContain(_amazon.Requests, r => r.StatusCode == 403);
    }

    [Fact]
    public async Task TokenAmazonCallsExpired_IsRenewedOnce_ForEveryWaitingRequest()
    {
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));
        await LookUpAsync(context);

        // Amazon's clock runs ahead of the connector's: the cached token looks valid but Amazon says it expired.
        _amazonClock.AdvanceSeconds(3601);
        var found = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => LookUpAsync(context)));

        Assert.All(found, f => Assert.Single(f.Found));
        Assert.Equal(2, Exchanges());
        Assert.Contains(_amazon.Requests, r => r.Operation == AmazonOperations.GetOrder && r.StatusCode == 403);
    }

    [Fact]
    public async Task EachConnection_HasItsOwnToken()
    {
        var first = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon), "amazon-1");
        var second = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon), "amazon-2");

        await LookUpAsync(first);
        await LookUpAsync(second);
        await LookUpAsync(first);

        Assert.Equal(2, Exchanges());
    }

    [Fact]
    public async Task TokenAnswerWithAFieldOfAnotherType_FailsNamingLwasFieldNoDotNetType()
    {
        await using var services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time, s => s.AddHttpClient(AmazonConnector.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new AnswerRewritingTransport(AmazonOperations.LwaToken, body => body["expires_in"] = "an hour")));
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));

        var result = await services.Connector().GetFeature<IOrdersFeature>()!.FetchOrdersByNumberAsync(context, [AmazonTestHost.OrderNumber(1)], CancellationToken.None);

        Assert.Contains(
            "Login with Amazon answered the token exchange of connection amazon-1 with a body that is not the documented JSON: the field expires_in does not have the documented type",
            Assert.Single(result.Unreadable).Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenExchange_PostsJsonWithoutAnAccessToken_AsAmazonsOwnLwaClients()
    {
        var transport = new HeaderRecordingTransport();
        await using var services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time, s => s.AddHttpClient(AmazonConnector.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => transport));
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));

        var result = await services.Connector().GetFeature<IOrdersFeature>()!.FetchOrdersByNumberAsync(context, [AmazonTestHost.OrderNumber(1)], CancellationToken.None);

        Assert.Single(result.Found);
        Assert.Equal([("application/json", false)], transport.Sent.Where(r => r.Operation == AmazonOperations.LwaToken).Select(r => (r.ContentType, r.HasAccessToken)));
    }

    private int Exchanges() => _amazon.Requests.Count(r => r.Operation == AmazonOperations.LwaToken);

    private async Task<OrderLookupResult> LookUpAsync(ConnectionContext context) =>
        await _services.Connector().GetFeature<IOrdersFeature>()!.FetchOrdersByNumberAsync(context, [AmazonTestHost.OrderNumber(1)], CancellationToken.None);
}
