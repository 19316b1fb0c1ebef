using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using Connect.Sdk.Http.Tests.TestDoubles;
using WireMock.ResponseBuilders;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed partial class MarketplaceClientTests
{
    [Fact]
    public async Task SendForJsonAsync_ServerFailsOnceThenAnswers_RetriesAndReadsTheJson()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping").UsingGet()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping").UsingGet()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"shop":"Basar Test"}"""));
        var client = await harness.ClientAsync();

        var ping = await client.SendForJsonAsync(MarketplaceCall.Get("ping", "ping"), PingContext.Default.Ping, CancellationToken.None);

        Assert.Equal("Basar Test", ping.Shop);
        Assert.Equal(2, harness.Server.LogEntries.Count);
    }

    [Fact]
    public async Task SendForJsonAsync_CredentialsRefusedWithTheKeyEchoed_ThrowsCredentialsRefusedWithoutTheKey()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody($$"""{"error":"unknown key {{ConnectorHarness.Key}}"}"""));
        var client = await harness.ClientAsync();

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => client.SendForJsonAsync(MarketplaceCall.Get("ping", "ping"), PingContext.Default.Ping, CancellationToken.None));

        Assert.Equal(ConnectSdkErrorCode.CredentialsRefused, failure.Code);
        Assert.Equal(401, failure.MarketplaceStatusCode);
        Assert.Equal(new ConnectionId("c1"), failure.ConnectionId);
        Assert.StartsWith("Basar answered ping with 401", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectorHarness.Key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendForJsonAsync_FieldOfTheWrongType_ThrowsAnswerUnreadableNamingTheField()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/ping")).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"shop":42}"""));
        var client = await harness.ClientAsync();

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => client.SendForJsonAsync(MarketplaceCall.Get("ping", "ping"), PingContext.Default.Ping, CancellationToken.None));

        Assert.Equal(ConnectSdkErrorCode.AnswerUnreadable, failure.Code);
        Assert.False(failure.IsTransient);
        Assert.Contains("shop", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NothingListens_ThrowsTransientMarketplaceUnavailableAfterTheRetries()
    {
        // A port bound but not listening refuses every connection, and no server of a parallel test can take it, as it
        // could take the port of a stopped one.
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        await using var harness = new ConnectorHarness(apiAddress: $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndPoint!).Port}/api/v1");
        var client = await harness.ClientAsync();

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => client.SendAsync(MarketplaceCall.Get("ping", "ping"), CancellationToken.None));

        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, failure.Code);
        Assert.True(failure.IsTransient);
        Assert.StartsWith("Basar could not be reached for ping: GET ", failure.Message, StringComparison.Ordinal);
        // The retries' back-off waited on fake time, skipped by the drive.
        Assert.True(harness.Time.GetUtcNow() > FakeTime.Start);
    }

    [Fact]
    public async Task SendAsync_WriteLosesItsAnswer_ThrowsNonTransientFailureSayingItMayHaveBeenApplied()
    {
        // A socket that takes the request and closes without a word: WireMock.Net always answers something.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var hangUp = HangUpAfterRequestAsync(listener);
        await using var harness = new ConnectorHarness(apiAddress: $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/api/v1");
        var client = await harness.ClientAsync();

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => client.SendAsync(new MarketplaceCall(HttpMethod.Post, "orders/1/shipments", "shipments.create") { Body = "{}" }, CancellationToken.None));

        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, failure.Code);
        Assert.False(failure.IsTransient);
        Assert.IsType<WriteInDoubtException>(failure.InnerException);
        Assert.StartsWith("Basar may or may not have applied shipments.create", failure.Message, StringComparison.Ordinal);
        await hangUp;
    }

    [Fact]
    public async Task WriteInDoubtIn_LostWriteAnswerAndUnreachableRead_RecognisesOnlyTheLostWrite()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var hangUp = HangUpAfterRequestAsync(listener);
        await using var harness = new ConnectorHarness(apiAddress: $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/api/v1");
        var client = await harness.ClientAsync();
        var lost = await Assert.ThrowsAsync<ConnectSdkException>(() => client.SendAsync(new MarketplaceCall(HttpMethod.Post, "orders/1/shipments", "shipments.create") { Body = "{}" }, CancellationToken.None));
        await hangUp;

        // A port bound but not listening: the read never got through, so nothing is in doubt.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var nobody = new ConnectorHarness(apiAddress: $"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/api/v1");
        var unreachable = await Assert.ThrowsAsync<ConnectSdkException>(async () => await (await nobody.ClientAsync()).SendAsync(MarketplaceCall.Get("orders/1", "orders.get"), CancellationToken.None));

        Assert.True(WriteInDoubtException.In(lost));
        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, unreachable.Code);
        Assert.False(WriteInDoubtException.In(unreachable));
    }

    private static async Task HangUpAfterRequestAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptSocketAsync();
        var buffer = new byte[4096];
        var received = string.Empty;
        while (!received.EndsWith("{}", StringComparison.Ordinal))
        {
            var count = await socket.ReceiveAsync(buffer);
            if (count == 0)
            {
                break;
            }

            received += Encoding.ASCII.GetString(buffer, 0, count);
        }

        socket.Close();
    }

    [Fact]
    public async Task SendAsync_Answer_KeepsHeadersAndRedactsTheBody()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Total-Pages", "3").WithBody($"echo {ConnectorHarness.Key}"));
        var client = await harness.ClientAsync();

        var answer = await client.SendAsync(MarketplaceCall.Get("orders", "orders.list"), CancellationToken.None);

        Assert.Equal("3", answer.Header("x-total-pages"));
        Assert.Equal("echo ***", answer.Body);
    }

    [Fact]
    public async Task Refused_EndpointDescribesItsErrorShape_MessageQuotesTheDescriptionOfTheRedactedBody()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders/7"))
            .RespondWith(Response.Create().WithStatusCode(404).WithBody($$"""{"code":"invalid_id","message":"No order 7 for {{ConnectorHarness.Key}}."}"""));
        var client = await harness.ClientAsync();
        string? described = null;
        var describing = new MarketplaceClient(harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHarness.ClientName), client.Endpoint with
        {
            DescribeError = body => $"(described: {described = body})",
        });

        var answer = await describing.SendAsync(MarketplaceCall.Get("orders/7", "orders.get"), CancellationToken.None);
        var failure = describing.Refused(answer, "order 7");

        Assert.Equal($$"""Basar answered order 7 with 404 (described: {"code":"invalid_id","message":"No order 7 for ***."}).""", failure.Message);
        Assert.Equal(ConnectSdkErrorCode.MarketplaceRefused, failure.Code);
        Assert.DoesNotContain(ConnectorHarness.Key, described, StringComparison.Ordinal);
    }

    internal sealed record Ping(string Shop);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Ping))]
    internal sealed partial class PingContext : JsonSerializerContext;
}
