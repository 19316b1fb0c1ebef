using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

        builder.AddHttpConnector(ConnectorHarness.ClientName, _ => new TestConnector(), rule, signing: _ => SecretHeaderHandler.Bearer(ConnectorHarness.KeyKey));
        builder.AddHttpConnector(ConnectorHarness.ClientName, _ => new TestConnector(), rule, signing: _ => SecretHeaderHandler.Bearer(ConnectorHarness.KeyKey));

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IConnector>().OfType<TestConnector>());
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ConnectorHarness.ClientName);
        Assert.Equal(1, CountOf<SecretHeaderHandler>(handlers));
        Assert.NotNull(provider.GetRequiredService<ForeignNumberRules>().Find(TestConnector.Id));
    }

    [Fact]
    public async Task AddHttpConnector_SigningHandler_SignsEachAttemptAnewWithTheConnectionsSecret()
    {
        await using var harness = new ConnectorHarness(services => new HmacSigningHandler(services.GetRequiredService<TimeProvider>()));
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping")).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "2"));
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping")).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200));
        var client = await harness.ClientAsync();

        var answer = await client.SendAsync(MarketplaceCall.Get("ping?limit=2", "ping"), CancellationToken.None);

        Assert.True(answer.IsSuccess);
        var attempts = harness.Server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, attempts.Count);
        // The retry went after the Retry-After of two seconds on the fake clock: a handler outside the retries would have
        // sent the first attempt's stamp and signature again, which a marketplace checking the time refuses.
        Assert.Equal(2, long.Parse(attempts[1].Headers!["X-Timestamp"].Single(), CultureInfo.InvariantCulture) - long.Parse(attempts[0].Headers!["X-Timestamp"].Single(), CultureInfo.InvariantCulture));
        Assert.All(attempts, a => Assert.Equal(
            HmacSigningHandler.Sign(ConnectorHarness.Key, "GET", a.Url, a.Headers!["X-Timestamp"].Single()),
            a.Headers!["X-Signature"].Single()));
    }

    [Fact]
    public async Task AddHttpConnector_SigningHandler_FindsTheEndpointsConnectionOnEachAttempt()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<ConnectionId?>();
        await using var harness = new ConnectorHarness(_ => new ConnectionRecordingHandler(seen));
        harness.PingFailsOnceThenAnswers();
        var client = await harness.ClientAsync();

        await client.SendAsync(MarketplaceCall.Get("ping", "ping"), CancellationToken.None);

        Assert.Equal([new ConnectionId("c1"), new ConnectionId("c1")], seen);
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

    /// <summary>Notes the connection each attempt names, as an authentication handler that keeps state per connection reads it.</summary>
    private sealed class ConnectionRecordingHandler(System.Collections.Concurrent.ConcurrentQueue<ConnectionId?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request.Options.TryGetValue(MarketplaceRequest.Connection, out var connection) ? connection : null);
            return base.SendAsync(request, cancellationToken);
        }
    }

    #region snippet: connector-signing-handler
    /// <summary>
    /// Signs each attempt as HMAC-SHA256 over method, full URI and a time stamp with the connection's secret key: the
    /// common shape of request signing; a marketplace's own scheme says which parts it signs, and in which order.
    /// </summary>
    private sealed class HmacSigningHandler(TimeProvider time) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var secret = request.Options.TryGetValue(MarketplaceRequest.Secrets, out var secrets) ? secrets[ConnectorHarness.KeyKey] : throw new InvalidOperationException("The request has no secrets.");
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Remove("X-Timestamp");
            request.Headers.Remove("X-Signature");
            request.Headers.Add("X-Timestamp", timestamp);
            request.Headers.Add("X-Signature", Sign(secret.Reveal(), request.Method.Method, request.RequestUri!.AbsoluteUri, timestamp));
            return base.SendAsync(request, cancellationToken);
        }

        public static string Sign(string secret, string method, string uri, string timestamp) =>
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{method}\n{uri}\n{timestamp}")));
    }
    #endregion
}
