using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.RateLimits;

namespace Basar.Connector.Fake;

/// <summary>
/// A fake Basar on loopback (WireMock.Net, 127.0.0.1, a free port) that serves API v1 in Basar's own shapes:
/// the bearer-token check, <c>ping</c>, the stock batch with per-offer results, the cursor-paged order list, single
/// orders and shipments. It honours the <see cref="WireMockMarketplaceFake.Faults"/> plan on every request and, unless
/// the options say otherwise, Basar's documented rate limit (429 with <c>Retry-After</c>).
/// </summary>
/// <remarks>
/// <para>
/// It renders its JSON itself instead of sharing the connector's payload types, so a connector that misreads Basar's
/// documentation fails against it. A host app (the ERP sample, a demo) can start one just like a test does.
/// </para>
/// <para>Routes (all under <c>/api/v1</c>, all need <c>Authorization: Bearer {token}</c>):</para>
/// <list type="table">
/// <item><term><c>ping</c></term><description><c>GET /ping</c>: the seller and shop the token belongs to.</description></item>
/// <item><term><c>offers.stock</c></term><description><c>PUT /offers/stock</c>: up to 100 <c>{offerId, quantity}</c>; one result per item.</description></item>
/// <item><term><c>orders.list</c></term><description><c>GET /orders?updatedSince=&amp;limit=&amp;cursor=</c>: oldest change first.</description></item>
/// <item><term><c>orders.get</c></term><description><c>GET /orders/{number}</c>, with the order's shipments.</description></item>
/// <item><term><c>shipments.create</c></term><description><c>POST /orders/{number}/shipments</c>: sets the status from what is shipped.</description></item>
/// </list>
/// </remarks>
public sealed partial class BasarFake : WireMockMarketplaceFake
{
    private const string Api = "/api/v1";

    private readonly Dictionary<string, int> _offers = new(StringComparer.Ordinal);
    private readonly List<BasarFakeOrder> _orders = [];

    private BasarFake(string apiToken, MarketplaceFakeOptions options)
        : base(options)
    {
        ApiToken = apiToken;
        #region snippet: connector-fake-routes
        Map("ping", "GET", $"{Api}/ping", _ => Json(200, new JsonObject { ["sellerId"] = "S-4711", ["shopName"] = "Basar Testshop" }));
        Map("offers.stock", "PUT", $"{Api}/offers/stock", UpdateStock);
        Map("orders.list", "GET", $"{Api}/orders", ListOrders);
        Map("orders.get", "GET", $"{Api}/orders/(?<number>[^/]+)", GetOrder);
        Map("shipments.create", "POST", $"{Api}/orders/(?<number>[^/]+)/shipments", CreateShipment);
        #endregion
    }

    /// <summary>Basar's documented rate limit: a burst of 20 requests per token, refilled at 5 a second.</summary>
    public static RateLimit DocumentedRateLimit { get; } = new(BasarApi.RateLimitBurst, BasarApi.RateLimitPerSecond);

    /// <summary>The only API token the fake accepts.</summary>
    public string ApiToken { get; }

    /// <summary>Starts a fake Basar on a free loopback port.</summary>
    /// <param name="apiToken">The only API token it accepts.</param>
    /// <param name="options">
    /// Clock, faults, delays and rate limit; <see langword="null"/> for the defaults with <see cref="DocumentedRateLimit"/>.
    /// Options given are taken as they are: leave <see cref="MarketplaceFakeOptions.RateLimit"/> unset for no limit.
    /// </param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static BasarFake Start(string apiToken, MarketplaceFakeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiToken);
        return new BasarFake(apiToken, options ?? new MarketplaceFakeOptions { RateLimit = DocumentedRateLimit });
    }

    /// <summary>Lists an offer with a stock level, or sets the stock of a listed one, as the seller would in Basar's portal.</summary>
    /// <param name="foreignNumber">The offer id, labelled <see cref="BasarConnector.OfferIdLabel"/>.</param>
    /// <param name="stock">The stock level.</param>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var offer = OfferOf(foreignNumber);
        lock (Gate)
        {
            _offers[offer] = stock;
        }
    }

    /// <inheritdoc />
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var offer = OfferOf(foreignNumber);
        lock (Gate)
        {
            return _offers.TryGetValue(offer, out var stock) ? stock : null;
        }
    }

    /// <inheritdoc />
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber) is { } order ? new OrderStatus((string)order.Json["status"]!) : null;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Shipments.ToArray() ?? [];
        }
    }

    /// <summary>Every order as <c>GET /orders/{number}</c> would answer it (copies), in the order they were placed.</summary>
    /// <returns>The orders.</returns>
    public IReadOnlyList<JsonObject> Orders()
    {
        lock (Gate)
        {
            return _orders.Select(Render).ToArray();
        }
    }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue("Authorization", out var header)
               && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
               && string.Equals(header["Bearer ".Length..].Trim(), ApiToken, StringComparison.Ordinal)
            ? null
            : Error(401, BasarErrorCodes.Unauthorized, "The API token is missing or invalid.");
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) => Error(404, "not_found", "No such endpoint in Basar API v1.");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        429 => Error(429, "rate_limited", "Too many requests; see Retry-After."),
        503 => Error(503, "service_unavailable", "Basar is under maintenance; the request was not processed."),
        _ => Error(statusCode, "internal_error", "Something went wrong at Basar."),
    };

    private static FakeResponse Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString());

    private static FakeResponse Error(int statusCode, string code, string message) =>
        Json(statusCode, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string OfferOf(ForeignNumber foreignNumber)
    {
        if (foreignNumber.Label != BasarConnector.OfferIdLabel)
        {
            throw new ArgumentException($"The Basar fake identifies offers by {BasarConnector.OfferIdLabel}, not by {foreignNumber.Label}.", nameof(foreignNumber));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        return foreignNumber.Value;
    }

    private static JsonObject? ParseBody(FakeCall request)
    {
        try
        {
            return string.IsNullOrWhiteSpace(request.Body) ? null : JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FakeResponse InvalidBody(string what) => Error(400, "invalid_body", $"The body is not valid JSON: {what}.");

    private BasarFakeOrder? FindOrder(string orderNumber) => _orders.Find(o => o.Number == orderNumber);
}
