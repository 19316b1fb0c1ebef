using Connect.Sdk.Connectors;
using Connect.Sdk.Http.Tests.TestDoubles;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Connect.Sdk.Http.Tests.Connectors;

/// <summary>A marketplace on loopback (WireMock.Net), a connection to it and an HTTP connector's services on fake time.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public const string ClientName = "test-connector";
    public const string BaseAddressKey = "apiAddress";
    public const string KeyKey = "clientKey";
    public const string Key = "key-1234567890";

    private readonly ServiceProvider _provider;
    private readonly BackgroundDrive _drive;

    public ConnectorHarness(Func<IServiceProvider, DelegatingHandler>? signing = null, string? apiAddress = null)
    {
        Server = WireMockServer.Start();
        var services = new ServiceCollection();
        services.AddConnectSdk().AddHttpConnector<TestConnector>(ClientName, _ => new TestConnector(), signing: signing);
        services.UseFakeTime(Time);
        _provider = services.BuildServiceProvider();
        var secrets = new InMemorySecretStore();
        Connection = new ConnectionContext(new ConnectionId("c1"), TestConnector.Id, new ConnectionSettings([new(BaseAddressKey, apiAddress ?? $"{Server.Url}/api/v1")], [KeyKey]), secrets);
        secrets.SetAsync(Connection.ConnectionId, KeyKey, new SecretValue(Key), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        _drive = Time.DriveInBackground();
    }

    public WaitAwareFakeTime Time { get; } = FakeTime.Create();

    public WireMockServer Server { get; }

    public ConnectionContext Connection { get; }

    public IServiceProvider Services => _provider;

    /// <summary>Makes <c>ping</c> answer 503 once, then 200: a request that succeeds on its second attempt.</summary>
    public void PingFailsOnceThenAnswers()
    {
        Server.Given(Request.Create().WithPath("/api/v1/ping")).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath("/api/v1/ping")).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200));
    }

    public async Task<MarketplaceClient> ClientAsync()
    {
        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(Connection, "Basar", BaseAddressKey, [KeyKey], CancellationToken.None);
        return new MarketplaceClient(_provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName), endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _drive.DisposeAsync();
        await _provider.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }
}
