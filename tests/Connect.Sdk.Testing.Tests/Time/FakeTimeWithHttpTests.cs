using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Connect.Sdk.Http;
using Connect.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Connect.Sdk.Testing.Tests.Time;

/// <summary>
/// The fake time the docs recommend for a connector's tests, with <c>Connect.Sdk.Http</c> against WireMock on loopback:
/// pacing waits pass at once, and a timeout fires only when the request really waits until it.
/// </summary>
public sealed class FakeTimeWithHttpTests : IAsyncDisposable
{
    private const string Client = "marketplace";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly WaitAwareFakeTime _time = new(Start);
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentQueue<DateTimeOffset> _received = new();
    private readonly CancellationTokenSource _hang = new();
    private ServiceProvider? _services;

    public async ValueTask DisposeAsync()
    {
        await _hang.CancelAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _server.Stop();
        _server.Dispose();
        _hang.Dispose();
    }

    [Fact]
    public async Task DriveInBackground_PacedRequestsOnTheWire_SkipsThePacingWithoutFiringAttemptTimeouts()
    {
        // Two requests fit the burst; each further one waits 10 s for the budget, twice the attempt timeout: moving time
        // while the first two are on the wire would time them out and send them again.
        _server.Given(Request.Create().UsingGet().WithPath("/orders")).RespondWith(Response.Create().WithCallback(request =>
        {
            _received.Enqueue(_time.GetUtcNow());
            return new WireMock.ResponseMessage { StatusCode = 200, BodyData = new WireMock.Util.BodyData { BodyAsString = "[]", DetectedBodyType = WireMock.Types.BodyType.String } };
        }));
        var http = Build(o =>
        {
            o.RateLimit = RateLimitModel.TokenBucket(0.1, 2);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        });
        var wall = Stopwatch.StartNew();

        HttpResponseMessage[] answers;
        await using (_time.DriveInBackground())
        {
            answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync(new Uri("orders", UriKind.Relative))));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal([Start, Start, Start.AddSeconds(10), Start.AddSeconds(20), Start.AddSeconds(30)], _received.Order());
        Assert.Equal(Start.AddSeconds(30), _time.GetUtcNow());

        // A guard, not a measurement: on real time the pacing alone takes 30 s.
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(20), $"The pacing waits took {wall.Elapsed} of real time.");
    }

    [Fact]
    public async Task DriveInBackground_ServerHangsOnServerTime_TimesOutAtTheAttemptDeadline()
    {
        _server.Given(Request.Create().UsingPost().WithPath("/shipments")).RespondWith(Response.Create().WithCallback(async request =>
        {
            _received.Enqueue(_time.GetUtcNow());
            // Far beyond any timeout of the client, on the server's side of the fake time.
            await Task.Delay(TimeSpan.FromHours(1), _time.ServerTime, _hang.Token).ConfigureAwait(false);
            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        var http = Build(o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));

        Exception failure;
        await using (_time.DriveInBackground())
        {
            // A write that must not go twice: one attempt, so its failure is at the attempt's deadline.
            failure = await Assert.ThrowsAnyAsync<Exception>(() => http.PostAsync(new Uri("shipments", UriKind.Relative), new StringContent("{}")));
        }

        // The write went out and got no answer: in doubt, at the attempt's deadline and not before.
        Assert.IsType<WriteInDoubtException>(failure);
        Assert.Equal([Start], _received);
        Assert.Equal(Start.AddSeconds(30), _time.GetUtcNow());
    }

    [Fact]
    public async Task UseFakeTime_CalledTwiceWithTheSameTime_CountsEachRequestOnceOnTheWire()
    {
        // Counted twice, a request would never be covered by its server's wait on ServerTime, and time would stand still.
        var seenOnTheWire = new ConcurrentQueue<int>();
        _server.Given(Request.Create().UsingGet().WithPath("/ping")).RespondWith(Response.Create().WithCallback(request =>
        {
            seenOnTheWire.Enqueue(_time.OnTheWire);
            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        var services = new ServiceCollection();
        services.AddMarketplaceHttpClient(Client, o =>
        {
            o.BaseAddress = new Uri(_server.Urls[0] + "/");
            o.Account = "twice";
        });
        services.UseFakeTime(_time).UseFakeTime(_time);
        _services = services.BuildServiceProvider();

        var response = await _services.GetRequiredService<IHttpClientFactory>().CreateClient(Client).GetAsync(new Uri("ping", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1], seenOnTheWire);
        Assert.Equal(0, _time.OnTheWire);
    }

    [Fact]
    public async Task UseFakeTime_AnyClientOfTheFactory_GetsTheWireHandlerInnermost()
    {
        _server.Given(Request.Create().UsingGet().WithPath("/ping")).RespondWith(Response.Create().WithCallback(request =>
        {
            _received.Enqueue(_time.GetUtcNow());
            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        var services = new ServiceCollection().UseFakeTime(_time);
        services.AddHttpClient("plain", c => c.BaseAddress = new Uri(_server.Urls[0]))
            .AddHttpMessageHandler(() => new OnTheWireProbe(_time));
        _services = services.BuildServiceProvider();

        var response = await _services.GetRequiredService<IHttpClientFactory>().CreateClient("plain").GetAsync(new Uri("ping", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Same(_time, _services.GetRequiredService<TimeProvider>());
        Assert.Equal(0, _time.OnTheWire);
        Assert.Equal([0], OnTheWireProbe.SeenBeforeSend);
    }

    private HttpClient Build(Action<MarketplaceHttpClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddMarketplaceHttpClient(Client, o =>
        {
            o.BaseAddress = new Uri(_server.Urls[0] + "/");
            o.Account = "fake-time-test";
            configure(o);
        });
        services.UseFakeTime(_time);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
    }

    /// <summary>Sees the wire count from the client's own handler: the wire handler sits inside it, so nothing is on the wire yet.</summary>
    private sealed class OnTheWireProbe(WaitAwareFakeTime time) : DelegatingHandler
    {
        public static ConcurrentQueue<int> SeenBeforeSend { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SeenBeforeSend.Enqueue(time.OnTheWire);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
