using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>
/// A Mirakl marketplace (MMP) on loopback that serves a shop's seller API in Mirakl's own shapes: the shop account
/// (A01), orders with offset paging (OR11), acceptance of order lines (OR21), tracking (OR23) and shipment validation
/// (OR24), and the asynchronous stock (STO01–STO03) and price (PRI01–PRI03) file imports with their status and error
/// reports.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="Start"/>; point the connector at <see cref="WireMockMarketplaceFake.BaseAddress"/>
/// (the operator's instance URL; the API lives under <c>/api</c>).</para>
/// <para>
/// The shop API key goes in the <c>Authorization</c> header as it is; a missing or wrong key is answered 401. A
/// <c>shop_id</c> other than the shop's is answered 403. Mirakl publishes a call frequency per operation but no
/// limit the API enforces, so the fake enforces none unless the options give one (answered 429 with
/// <c>Retry-After</c>).
/// </para>
/// </remarks>
public sealed partial class MiraklFake : WireMockMarketplaceFake
{
    private const string Api = "/api";
    private const int DefaultMax = 10;
    private const int MaxMax = 100;

    private static readonly InstantPattern MiraklDate = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly List<MiraklOffer> _offers = [];
    private readonly List<MiraklOrder> _orders = [];
    private readonly List<MiraklImport> _imports = [];
    private int _nextImport = 4001;

    private MiraklFake(MiraklCredentials credentials, MarketplaceFakeOptions? options)
        : base(options)
    {
        Credentials = credentials;
        Map("account.get", "GET", $"{Api}/account", _ => Account());
        MapOrders();
        MapShipments();
        MapImports();
    }

    /// <summary>The shop API key and shop id the fake accepts.</summary>
    public MiraklCredentials Credentials { get; }

    /// <summary>The shop's name, as A01 answers it.</summary>
    public string ShopName { get; set; } = "Fake Shop";

    /// <summary>The shop's currency (A01 <c>currency_iso_code</c>): every offer price and order amount is in it; EUR unless set.</summary>
    public CurrencyCode Currency { get; set; } = CurrencyCode.Eur;

    /// <summary>
    /// How long a file import takes from upload to <c>COMPLETE</c> on the fake's clock; zero (the default) processes it
    /// at once. Until then its status reads <c>WAITING</c> and nothing of it is applied.
    /// </summary>
    public Duration ImportProcessingTime { get; set; } = Duration.Zero;

    /// <summary>
    /// Whether accepted orders wait for the buyer's debit (<c>WAITING_DEBIT_PAYMENT</c>) until <see cref="Debit"/> is
    /// called; off by default, when acceptance moves them straight to <c>SHIPPING</c> as a debit that succeeds at once.
    /// </summary>
    public bool AcceptedOrdersWaitForDebit { get; set; }

    /// <summary>Starts a fake Mirakl instance on a free loopback port.</summary>
    /// <param name="credentials">The only shop API key (and shop id) it accepts.</param>
    /// <param name="options">Clock, faults, delays and rate limit; <see langword="null"/> for the defaults (no limit).</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static MiraklFake Start(MiraklCredentials credentials, MarketplaceFakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new MiraklFake(credentials, options);
    }

    /// <summary>Adds an offer with this shop SKU and quantity (price 19.99); seeding it again sets its quantity.</summary>
    /// <param name="foreignNumber">The offer's shop SKU, labelled <see cref="ForeignNumberLabel.MiraklShopSku"/>.</param>
    /// <param name="stock">The offer's quantity.</param>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var sku = ShopSkuOf(foreignNumber);
        lock (Gate)
        {
            if (_offers.Find(o => o.ShopSku == sku) is { } known)
            {
                known.Quantity = stock;
                return;
            }

            _offers.Add(new MiraklOffer { ShopSku = sku, ProductSku = "P-" + sku, Quantity = stock });
        }
    }

    /// <summary>The quantity of the offer with this shop SKU, after every import that is due.</summary>
    /// <param name="foreignNumber">The offer's shop SKU.</param>
    /// <returns>The quantity, or <see langword="null"/> for an unknown offer.</returns>
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var sku = ShopSkuOf(foreignNumber);
        lock (Gate)
        {
            ProcessDueImports();
            return _offers.Find(o => o.ShopSku == sku)?.Quantity;
        }
    }

    /// <summary>The order's state in the SDK's words (<see cref="MiraklOrderStates.ToSdk"/>).</summary>
    /// <param name="orderNumber">The order id.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber) is { } order ? MiraklOrderStates.ToSdk(order.State, order.Trackings.Count > 0) : null;
        }
    }

    /// <summary>
    /// The tracking updates (OR23) the order received, each as a shipment of every line: Mirakl's tracking belongs to the
    /// order, not to lines. A tracking sent twice appears twice.
    /// </summary>
    /// <param name="orderNumber">The order id.</param>
    /// <returns>The shipments, oldest first.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Trackings.ToArray() ?? [];
        }
    }

    /// <summary>The Mirakl state of an order (<c>order_state</c>).</summary>
    /// <param name="orderNumber">The order id.</param>
    /// <returns>The state, or <see langword="null"/> for an unknown order.</returns>
    public string? StateOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.State;
        }
    }

    /// <summary>Changes an order's OR11 representation as the operator's platform would, and stamps <c>last_updated_date</c>.</summary>
    /// <param name="orderNumber">The order id.</param>
    /// <param name="change">Changes the JSON (a new state, a field the operator added).</param>
    /// <exception cref="KeyNotFoundException">No order has this id.</exception>
    public void ChangeOrder(string orderNumber, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var order = FindOrder(orderNumber) ?? throw new KeyNotFoundException($"No order has id {orderNumber}.");
            change(order.Json);
            Touch(order);
        }
    }

    /// <summary>Every order as OR11 renders it (copies), in creation order.</summary>
    /// <returns>The orders.</returns>
    public IReadOnlyList<JsonObject> Orders()
    {
        lock (Gate)
        {
            return _orders.Select(o => o.Json.DeepClone().AsObject()).ToArray();
        }
    }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue("Authorization", out var key) || !string.Equals(key, Credentials.ApiKey, StringComparison.Ordinal))
        {
            return Error(401, "Unauthorized");
        }

        if (request.Query.TryGetValue("shop_id", out var shopId) && shopId != Credentials.ShopId.ToString(CultureInfo.InvariantCulture))
        {
            return Error(403, $"You do not have access to shop {shopId}");
        }

        ProcessDueImports();
        return null;
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) => Error(404, "Not Found");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        429 => Error(429, "Too Many Requests"),
        503 => Error(503, "Service Unavailable"),
        _ => Error(statusCode, "Internal Server Error"),
    };

    /// <inheritdoc />
    protected override FakeResponse MalformedAnswer() =>
        new(200, "<html><head><title>Maintenance</title></head><body>The marketplace is under maintenance.</body></html>") { ContentType = "text/html; charset=UTF-8" };

    private static FakeResponse Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString(Compact));

    // Mirakl's error body: the HTTP status and a message.
    private static FakeResponse Error(int statusCode, string message) =>
        Json(statusCode, new JsonObject { ["message"] = message, ["status"] = statusCode });

    private static FakeResponse NoContent() => new(204, null);

    private static string ShopSkuOf(ForeignNumber foreignNumber)
    {
        if (foreignNumber.Label != ForeignNumberLabel.MiraklShopSku)
        {
            throw new ArgumentException($"The Mirakl fake identifies offers by their shop SKU ({ForeignNumberLabel.MiraklShopSku}), not by {foreignNumber.Label}.", nameof(foreignNumber));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        return foreignNumber.Value;
    }

    private static string Date(Instant instant) => MiraklDate.Format(instant);

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

    private FakeResponse Account() => Json(200, new JsonObject
    {
        ["shop_id"] = Credentials.ShopId,
        ["shop_name"] = ShopName,
        ["shop_state"] = "OPEN",
        ["currency_iso_code"] = Currency.Value,
        ["is_professional"] = true,
        ["offers_count"] = _offers.Count,
    });

    private MiraklOrder? FindOrder(string orderNumber) => _orders.Find(o => o.Id == orderNumber);

    private void Touch(MiraklOrder order) => order.Json["last_updated_date"] = Date(Clock.GetCurrentInstant());
}
