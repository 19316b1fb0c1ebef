using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Amazon.Tests.Http;

/// <summary>What every SP-API request carries on the wire, whichever feature sends it.</summary>
public sealed class AmazonApiClientTests : IAsyncDisposable
{
    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly AmazonSellingPartnerFake _amazon;

    public AmazonApiClientTests() => _amazon = AmazonTestAccount.StartFake(_time);

    public async ValueTask DisposeAsync() => await _amazon.DisposeAsync();

    [Fact]
    public async Task SendAsync_EverySpApiCall_AcceptsJsonOnce()
    {
        _amazon.SeedArticle(AmazonTestHost.Fbm("MUG-BLUE"), 3);
        var transport = new HeaderRecordingTransport();
        await using var services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time, s => s.AddHttpClient(AmazonConnector.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => transport));
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));
        var connector = services.Connector();

        // Two calls on one connection: the second must not carry the header twice.
        await connector.GetFeature<IPriceFeature>()!.PushPricesAsync(context, [new PriceUpdate("ART-1", AmazonTestHost.Fbm("MUG-BLUE"), new Money(21.00m, CurrencyCode.Eur))], CancellationToken.None);
        await connector.GetFeature<IPriceFeature>()!.PushPricesAsync(context, [new PriceUpdate("ART-1", AmazonTestHost.Fbm("MUG-BLUE"), new Money(22.00m, CurrencyCode.Eur))], CancellationToken.None);

        var spApiCalls = transport.Sent.Where(r => r.Operation != AmazonOperations.LwaToken).ToArray();
        Assert.Equal(2, spApiCalls.Length);
        Assert.All(spApiCalls, r => Assert.Equal("application/json", r.Accept));
    }
}
