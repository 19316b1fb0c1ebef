using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class HttpConnectorRegistrationTests
{
    [Fact]
    public void AddHttpConnector_CalledTwice_RegistersOneConnectorOneClientAndOneRule()
    {
        var services = new ServiceCollection();
        var rule = new ForeignNumberRule(TestConnector.Id, ForeignNumberTarget.Any, new ForeignNumberLabel("testid"), "test id");
        var builder = services.AddConnectSdk();

        builder.AddHttpConnector(ConnectorHarness.ClientName, _ => new TestConnector(), rule, signing: () => new SigningHandler());
        builder.AddHttpConnector(ConnectorHarness.ClientName, _ => new TestConnector(), rule, signing: () => new SigningHandler());

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IConnector>().OfType<TestConnector>());
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ConnectorHarness.ClientName);
        Assert.Equal(1, CountOf<SigningHandler>(handlers));
        Assert.NotNull(provider.GetRequiredService<ForeignNumberRules>().Find(TestConnector.Id));
    }

    [Fact]
    public async Task AddHttpConnector_SigningHandler_SignsEachAttemptAnewWithTheConnectionsSecret()
    {
        await using var harness = new ConnectorHarness(() => new SigningHandler());
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping")).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(500));
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping")).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200));
        var client = await harness.ClientAsync();

        var answer = await client.SendAsync(MarketplaceCall.Get("ping", "ping"), CancellationToken.None);

        Assert.True(answer.IsSuccess);
        var signatures = harness.Server.LogEntries.Select(e => e.RequestMessage.Headers!["X-Signature"].Single()).ToList();
        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.StartsWith(ConnectorHarness.Key + ":", s, StringComparison.Ordinal));
        // A handler outside the retries would have signed once, and the retry would carry the first attempt's stamp.
        Assert.NotEqual(signatures[0], signatures[1]);
    }

    private static int CountOf<T>(HttpMessageHandler handler)
    {
        var count = 0;
        for (var current = handler as DelegatingHandler; current is not null; current = current.InnerHandler as DelegatingHandler)
        {
            count += current is T ? 1 : 0;
        }

        return count;
    }

    /// <summary>Signs a request with the connection's key and a number that changes per attempt, as a time-stamped HMAC scheme does.</summary>
    private sealed class SigningHandler : DelegatingHandler
    {
        private static int _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) ? secrets[ConnectorHarness.KeyKey].Reveal() : "none";
            request.Headers.Remove("X-Signature");
            request.Headers.Add("X-Signature", $"{key}:{Interlocked.Increment(ref _attempts).ToString(CultureInfo.InvariantCulture)}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
