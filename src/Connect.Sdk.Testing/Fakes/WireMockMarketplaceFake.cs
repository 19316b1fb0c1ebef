using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.RateLimits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>
/// The base of every fake marketplace that runs a WireMock.Net server on loopback (127.0.0.1, a free port).
/// It does what all of them share: it routes requests to the subclass's handlers by operation name, keeps the
/// request log with secrets masked, consults the <see cref="FaultPlan"/> on every request and acts out each
/// <see cref="FaultKind"/>, applies the optional <see cref="RateLimits.RateLimit"/>, and serialises access to
/// the fake's state. A subclass maps its marketplace's routes with <see cref="Map"/> and renders its payloads.
/// </summary>
public abstract partial class WireMockMarketplaceFake : IMarketplaceFake
{
    // A callback cannot abort the connection itself; it marks the response and the middleware aborts it before
    // anything is written, so the client sees a connection closed without an answer.
    private const string DropMarkerHeader = "X-Connect-Fake-Drop";

    // WireMock hands routes a path it has decoded twice over ('+' read as a space, "%2520" as a space); the target as
    // the client sent it travels to the callback in this header, for FakeCall.RawPath.
    private const string RawTargetHeader = "X-Connect-Fake-Raw-Target";

    private const int RoutePriority = 10;
    private const int NoRoutePriority = 1000;

    private readonly WireMockServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _logGate = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private int _requestCount;
    private int _disposed;

    /// <summary>Starts the server on a free loopback port; the subclass then maps its routes.</summary>
    /// <param name="options">The fake's settings; <see langword="null"/> for the defaults.</param>
    protected WireMockMarketplaceFake(MarketplaceFakeOptions? options)
    {
        Options = options ?? new MarketplaceFakeOptions();
        if (Options.RateLimit is { } limit)
        {
            // Refuse a limit no request could ever pass now, not as a 500 from inside the server later.
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.Capacity, nameof(options));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.RefillPerSecond, nameof(options));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.CostPerRequest, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(limit.CostPerRequest, limit.Capacity, nameof(options));
        }

        (_server, var port) = StartServer();
        // WireMock reports its URL as localhost; the fake names the address it really bound.
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _server
            .Given(Request.Create().UsingAnyMethod())
            .AtPriority(NoRoutePriority)
            .RespondWith(Response.Create().WithCallback(request => HandleAsync("route.unknown", request, route: null, NoRoute)));
    }

    /// <inheritdoc />
    public Uri BaseAddress { get; }

    /// <inheritdoc />
    public FaultPlan Faults => Options.Faults;

    /// <inheritdoc />
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_logGate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>
    /// The exceptions the fake's own handlers threw, in the order of the requests they broke (each answered with the
    /// marketplace's 500). A fake bug, never a marketplace behaviour: a test that expects none asserts this is empty.
    /// </summary>
    public IReadOnlyList<Exception> HandlerErrors
    {
        get
        {
            lock (_logGate)
            {
                return [.. _requests.Select(r => r.HandlerError).OfType<Exception>()];
            }
        }
    }

    /// <summary>The fake's settings.</summary>
    protected MarketplaceFakeOptions Options { get; }

    /// <summary>The clock the fake stamps changes with.</summary>
    protected IClock Clock => Options.Clock;

    /// <summary>The lock that guards the fake's state: handlers run under it; public readers and seeders take it.</summary>
    protected Lock Gate { get; } = new();

    /// <inheritdoc />
    public abstract void SeedArticle(ForeignNumber foreignNumber, int stock);

    /// <inheritdoc />
    public abstract void SeedOrder(MarketplaceOrder order);

    /// <inheritdoc />
    public abstract int? StockOf(ForeignNumber foreignNumber);

    /// <inheritdoc />
    public abstract OrderStatus? StatusOf(string orderNumber);

    /// <inheritdoc />
    public abstract IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber);

    /// <summary>Stops the server; a request waiting out a delay fault ends at once.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Maps a route of the marketplace to a handler that runs under <see cref="Gate"/>.</summary>
    /// <param name="operation">The operation name the request log and the fault plan use, e.g. <c>orders.list</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathPattern">A regular expression for the whole path; named groups become <see cref="FakeCall.RouteValues"/>.</param>
    /// <param name="handler">Answers the request.</param>
    protected void Map(string operation, string method, [StringSyntax(StringSyntaxAttribute.Regex)] string pathPattern, Func<FakeCall, FakeResponse> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(handler);
        var route = new Regex($"^{pathPattern}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
        _server
            .Given(Request.Create().UsingMethod(method).WithPath(path => route.IsMatch(path)))
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(request => HandleAsync(operation, request, route, handler)));
    }

    /// <summary>The marketplace's answer to a route it does not have (404 in its error shape).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    protected abstract FakeResponse NoRoute(FakeCall request);

    /// <summary>The marketplace's error answer for a server-side status (500, 503), in its error shape.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <returns>The answer.</returns>
    protected abstract FakeResponse ServerFault(int statusCode);

    /// <summary>
    /// The marketplace's 429 answer. The default adds <c>Retry-After</c> in whole seconds (rounded up) to the
    /// <see cref="ServerFault"/> body; override to add the marketplace's own rate-limit headers.
    /// </summary>
    /// <param name="retryAfter">How long the client should wait.</param>
    /// <returns>The answer.</returns>
    protected virtual FakeResponse TooManyRequests(Duration retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var body = ServerFault(StatusCodes.Status429TooManyRequests);
        var headers = new Dictionary<string, string>(body.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture),
        };
        return body with { StatusCode = StatusCodes.Status429TooManyRequests, Headers = headers };
    }

    /// <summary>
    /// The operation name the fault plan draws the request's one fault under (a rule for the route's operation matches
    /// too); the default is the route's operation. A marketplace whose one route serves many operations (GraphQL)
    /// names the one the body asks for.
    /// </summary>
    /// <param name="operation">The route's operation.</param>
    /// <param name="body">The request body, or <see langword="null"/>.</param>
    /// <returns>The operation to draw under.</returns>
    protected virtual string FaultOperationOf(string operation, string? body) => operation;

    /// <summary>
    /// The answer to a <see cref="FaultKind.MalformedJson"/> fault: a body that is not JSON, with 200. The default is
    /// what a WordPress host answers when PHP or the database is down; override with the marketplace's own page.
    /// </summary>
    /// <returns>The answer.</returns>
    protected virtual FakeResponse MalformedAnswer() =>
        new(StatusCodes.Status200OK, "<html><head><title>Database Error</title></head><body><h1>Error establishing a database connection</h1></body></html>")
        {
            ContentType = "text/html; charset=UTF-8",
        };

    /// <summary>
    /// Adds what the marketplace puts on every answer (a header naming the API version, say) to each answer the fake
    /// gives: a route's, a refusal, a fault's. The default leaves the answer as it is.
    /// </summary>
    /// <param name="request">The request answered.</param>
    /// <param name="response">The answer.</param>
    /// <returns>The answer to send.</returns>
    protected virtual FakeResponse CompleteAnswer(FakeCall request, FakeResponse response) => response;

    /// <summary>Checks the request's credentials; the default accepts every request.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="null"/> to go on, or the marketplace's refusal (401, 403).</returns>
    protected virtual FakeResponse? Authorize(FakeCall request) => null;

    /// <summary>
    /// Masks secrets in a path and query before the request log keeps it. The default masks the values of
    /// well-known secret parameters (<c>consumer_secret</c>, <c>oauth_signature</c>, <c>access_token</c>,
    /// <c>client_secret</c>, <c>signature</c>, <c>password</c>). Headers are never logged.
    /// </summary>
    /// <param name="pathAndQuery">The path and query as received.</param>
    /// <returns>The path and query to log.</returns>
    protected virtual string MaskSecrets(string pathAndQuery) => SecretParameter().Replace(pathAndQuery, "$1***");

    [GeneratedRegex(@"([?&](?:consumer_secret|oauth_signature|access_token|client_secret|signature|password)=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    private static (WireMockServer Server, int Port) StartServer()
    {
        // The free port is probed, then bound: another process can take it in between, so try a few ports.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{port}"],
                    StartAdminInterface = false,
                    Logger = new WireMockNullLogger(),
                    PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(KeepRawTargetAsync).Use(DropMarkedConnectionsAsync),

                    // A comma belongs to the value (Amazon's MarketplaceIds=A,B; WooCommerce's status=a,b): split on it,
                    // the fakes would see only the first item of every list.
                    QueryParameterMultipleValueSupport = QueryParameterMultipleValueSupport.NoComma,
                });
                return (server, port);
            }
            catch (Exception) when (attempt < 3)
            {
                // Taken in the meantime: probe another port.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task KeepRawTargetAsync(HttpContext context, Func<Task> next)
    {
        context.Request.Headers[RawTargetHeader] = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        return next();
    }

    private static async Task DropMarkedConnectionsAsync(HttpContext context, Func<Task> next)
    {
        await next().ConfigureAwait(false);
        if (context.Response.Headers.ContainsKey(DropMarkerHeader))
        {
            context.Abort();
        }
    }

    private static Dictionary<string, string> FirstValues(IDictionary<string, WireMockList<string>>? values) =>
        (values ?? new Dictionary<string, WireMockList<string>>())
            .Where(pair => pair.Value is { Count: > 0 })
            .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Value[0], StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, IReadOnlyList<string>> AllValues(IDictionary<string, WireMockList<string>>? values) =>
        (values ?? new Dictionary<string, WireMockList<string>>())
            .Where(pair => pair.Value is { Count: > 0 })
            .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)[.. group.SelectMany(pair => pair.Value)], StringComparer.OrdinalIgnoreCase);

    private static ResponseMessage ToMessage(FakeResponse response, bool drop)
    {
        var message = new ResponseMessage
        {
            StatusCode = response.StatusCode,
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };
        if (drop)
        {
            message.AddHeader(DropMarkerHeader, "1");
            return message;
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            message.AddHeader(name, value);
        }

        if (response.Body is not null)
        {
            message.AddHeader("Content-Type", response.ContentType);
            message.BodyData = new BodyData
            {
                BodyAsString = response.Body,
                DetectedBodyType = BodyType.String,
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            };
        }

        return message;
    }

    private async Task<IResponseMessage> HandleAsync(string operation, IRequestMessage request, Regex? route, Func<FakeCall, FakeResponse> handler)
    {
        var fault = Faults.Draw(FaultOperationOf(operation, request.Body), operation);
        var path = request.Path ?? "/";
        var routeValues = new Dictionary<string, string>(StringComparer.Ordinal);
        if (route?.Match(path) is { Success: true } match)
        {
            foreach (var group in match.Groups.Cast<Group>().Where(g => g.Success && !int.TryParse(g.Name, out _)))
            {
                routeValues[group.Name] = group.Value;
            }
        }

        var headers = FirstValues(request.Headers);
        var rawPath = headers.Remove(RawTargetHeader, out var target) && target.Length > 0 ? target.Split('?', 2)[0] : path;
        var call = new FakeCall(
            operation,
            request.Method.ToUpperInvariant(),
            path,
            FirstValues(request.Query),
            headers,
            request.Body,
            routeValues,
            fault == FaultKind.PartialBatchFailure ? fault : null)
        {
            RawPath = rawPath,
            RawQuery = (request.RawQuery ?? string.Empty).TrimStart('?'),
            QueryValues = AllValues(request.Query),
        };

        var delay = Duration.Zero;
        var drop = false;
        Exception? error = null;
        FakeResponse response;
        switch (fault)
        {
            case FaultKind.ServerError:
                response = ServerFault(StatusCodes.Status500InternalServerError);
                break;
            case FaultKind.ServiceUnavailable:
                response = ServerFault(StatusCodes.Status503ServiceUnavailable);
                break;
            case FaultKind.TooManyRequests:
                response = TooManyRequests(Duration.FromSeconds(1));
                break;
            case FaultKind.DroppedConnection:
                drop = true;
                response = new FakeResponse(0, null);
                break;
            case FaultKind.MalformedJson:
                response = MalformedAnswer();
                break;
            case FaultKind.TruncatedJson:
                var whole = Answer(call, handler, out error);
                var body = whole.Body ?? "{}";
                response = whole with { StatusCode = StatusCodes.Status200OK, Body = body[..(body.Length / 2)] };
                break;
            case FaultKind.Timeout:
                delay = Options.TimeoutDelay;
                response = Answer(call, handler, out error);
                break;
            case FaultKind.SlowResponse:
                delay = Options.SlowResponseDelay;
                response = Answer(call, handler, out error);
                break;
            default:
                response = Answer(call, handler, out error);
                break;
        }

        if (!drop)
        {
            response = CompleteAnswer(call, response);
        }

        Log(operation, call.Method, request, drop ? 0 : response.StatusCode, error);
        if (delay > Duration.Zero)
        {
            try
            {
                await Task.Delay(delay.ToTimeSpan(), Options.DelayTime, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The fake is being disposed: answer now so the server can stop.
            }
        }

        return ToMessage(response, drop);
    }

    private FakeResponse Answer(FakeCall call, Func<FakeCall, FakeResponse> handler, out Exception? error)
    {
        error = null;
        if (Options.RateLimit is { } limit)
        {
            var key = limit.Scope == RateLimitScope.Operation ? call.Operation : string.Empty;
            TokenBucket bucket;
            lock (_logGate)
            {
                if (!_buckets.TryGetValue(key, out bucket!))
                {
                    bucket = new TokenBucket(limit.Capacity, limit.RefillPerSecond, Clock);
                    _buckets[key] = bucket;
                }
            }

            if (!bucket.TryTake(limit.CostPerRequest, out var retryAfter))
            {
                return TooManyRequests(retryAfter);
            }
        }

        lock (Gate)
        {
            try
            {
                return Authorize(call) ?? handler(call);
            }
            catch (Exception bug)
            {
                // A handler that throws is a bug of the fake: the client gets the marketplace's own 500, and the test
                // author sees the exception on the request log and in HandlerErrors instead of a body WireMock made up.
                error = bug;
                return ServerFault(StatusCodes.Status500InternalServerError);
            }
        }
    }

    private void Log(string operation, string method, IRequestMessage request, int statusCode, Exception? handlerError)
    {
        var pathAndQuery = Uri.TryCreate(request.Url, UriKind.Absolute, out var url) ? url.PathAndQuery : request.Path ?? "/";
        lock (_logGate)
        {
            _requestCount++;
            _requests.Add(new FakeRequest(_requestCount, operation, method, MaskSecrets(pathAndQuery), statusCode) { HandlerError = handlerError });
        }
    }
}
