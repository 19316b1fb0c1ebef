using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.RateLimits;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>
/// OTTO Market's partner API on loopback, in OTTO's own shapes: OAuth2 tokens with scopes (<c>POST /v1/token</c>),
/// available quantities by SKU in batches of 200 (<c>POST /v1/availability/quantities</c>), orders whose pieces are
/// position items, listed by change date with cursor links (<c>GET /v4/orders</c>) and read one by one, shipments with
/// tracking key, ship date, ship-from address and position items (<c>POST /v1/shipments</c>), and product variation
/// prices (<c>POST /v4/products/prices</c>). Errors come as <c>{"errors":[{"title","path","detail"}]}</c>.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="Start"/>; point the connector at <see cref="WireMockMarketplaceFake.BaseAddress"/>.</para>
/// <para>
/// OTTO documents a rate limit per endpoint and minute but the figures were not in the sources this fake follows; pass
/// <see cref="EndpointLimit"/> in the options to enforce one (none by default). Prices are gross, in EUR.
/// </para>
/// </remarks>
public sealed partial class OttoMarketFake : WireMockMarketplaceFake, IPriceFake
{
    /// <summary>The most SKUs one <c>POST /v1/availability/quantities</c> takes (OTTO's Availability guide: 200).</summary>
    public const int QuantityBatchLimit = 200;

    /// <summary>The most product variation prices one <c>POST /v4/products/prices</c> takes (the Products v4 reference: 500).</summary>
    public const int PriceBatchLimit = 500;

    /// <summary>The most orders one page of <c>GET /v4/orders</c> holds (the Orders v4 reference: 128, also the default).</summary>
    public const int OrderPageLimit = 128;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePrice> _prices = new(StringComparer.Ordinal);
    private readonly List<OttoFakeOrder> _orders = [];
    private readonly List<OttoFakeShipment> _shipments = [];
    private long _nextShipmentId = 101074901541;
    private long _nextPieceId = 1;

    private OttoMarketFake(OttoCredentials credentials, MarketplaceFakeOptions? options)
        : base(options)
    {
        Credentials = credentials;
        Map("token", "POST", "/v1/token", IssueToken);
        Map("availability.quantities.update", "POST", "/v1/availability/quantities", UpdateQuantities);
        Map("orders.list", "GET", "/v4/orders", ListOrders);
        Map("orders.get", "GET", "/v4/orders/(?<id>[^/]+)", GetOrder);
        Map("shipments.create", "POST", "/v1/shipments", CreateShipment);
        Map("prices.update", "POST", "/v4/products/prices", UpdatePrices);
    }

    /// <summary>The API client the fake accepts.</summary>
    public OttoCredentials Credentials { get; }

    /// <summary>OTTO Market sells in euros.</summary>
    public CurrencyCode Currency => CurrencyCode.Eur;

    /// <summary>OTTO takes prices with VAT (<c>standardPrice</c> is the price the customer pays).</summary>
    public PriceBasis? Basis => PriceBasis.Gross;

    /// <summary>
    /// A per-endpoint limit of <paramref name="requestsPerMinute"/>, as OTTO limits each endpoint per minute: one bucket
    /// per operation that holds a minute's requests and refills over the minute.
    /// </summary>
    /// <param name="requestsPerMinute">The requests each endpoint takes per minute.</param>
    /// <returns>The limit, for <see cref="MarketplaceFakeOptions.RateLimit"/>.</returns>
    public static RateLimit EndpointLimit(int requestsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        return new RateLimit(requestsPerMinute, requestsPerMinute / 60.0, 1, RateLimitScope.Operation);
    }

    /// <summary>Starts a fake OTTO Market on a free loopback port.</summary>
    /// <param name="credentials">The only API client the fake accepts.</param>
    /// <param name="options">Clock, faults, delays and rate limit; <see langword="null"/> for the defaults (no limit).</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static OttoMarketFake Start(OttoCredentials credentials, MarketplaceFakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new OttoMarketFake(credentials, options);
    }

    /// <summary>Makes a product variation with this SKU known, with an available quantity.</summary>
    /// <param name="foreignNumber">A foreign number labelled <see cref="ForeignNumberLabel.OttoSku"/>.</param>
    /// <param name="stock">The available quantity.</param>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            _stock[sku] = stock;
        }
    }

    /// <summary>
    /// Places an order: each line becomes one position item per piece. The first piece of a line keeps the line's id as
    /// its <c>positionItemId</c> (so the kit's line ids survive); further pieces get ids of their own.
    /// </summary>
    /// <param name="order">The order; prices gross, in euros, lines labelled <see cref="ForeignNumberLabel.OttoSku"/>.</param>
    /// <exception cref="ArgumentException">The order is net, not in euros, or a line has no OTTO SKU.</exception>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.PricesIncludeTax || order.Currency != CurrencyCode.Eur)
        {
            throw new ArgumentException($"OTTO Market orders are gross, in EUR; order {order.OrderNumber} is not.", nameof(order));
        }

        lock (Gate)
        {
            _orders.RemoveAll(o => o.SalesOrderId == order.MarketplaceOrderId);
            _orders.Add(new OttoFakeOrder { Seed = order, Items = PiecesOf(order), LastModified = order.UpdatedAt });
        }
    }

    /// <summary>Changes an order as OTTO does when something happens to it (a cancellation, a payment): it is modified now.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <param name="fulfillmentStatus">The new fulfillment status of every piece still <c>PROCESSABLE</c> or <c>ANNOUNCED</c>, or <see langword="null"/> to only touch it.</param>
    /// <exception cref="KeyNotFoundException">No order has this number.</exception>
    public void Touch(string orderNumber, string? fulfillmentStatus = null)
    {
        lock (Gate)
        {
            var order = _orders.Find(o => o.OrderNumber == orderNumber) ?? throw new KeyNotFoundException($"No order has number {orderNumber}.");
            if (fulfillmentStatus is not null)
            {
                foreach (var item in order.Items.Where(i => i.FulfillmentStatus is "PROCESSABLE" or "ANNOUNCED"))
                {
                    item.FulfillmentStatus = fulfillmentStatus;
                }
            }

            order.LastModified = Clock.GetCurrentInstant();
        }
    }

    /// <inheritdoc />
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            return _stock.TryGetValue(sku, out var quantity) ? quantity : null;
        }
    }

    /// <inheritdoc />
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            return _prices.GetValueOrDefault(sku);
        }
    }

    /// <summary>
    /// The order's status read from its pieces: every piece <c>SENT</c> is shipped, some is partially shipped, every piece
    /// cancelled is cancelled, any <c>ANNOUNCED</c> (prepayment not yet received) is pending, otherwise open.
    /// </summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            return _orders.Find(o => o.OrderNumber == orderNumber) is { } order ? StatusOf(order.Items) : null;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            if (_orders.Find(o => o.OrderNumber == orderNumber) is not { } order)
            {
                return [];
            }

            var lineOf = order.Items.ToDictionary(i => i.PositionItemId, i => i.LineId, StringComparer.Ordinal);
            return _shipments
                .Where(s => s.PositionItems.Any(p => p.SalesOrderId == order.SalesOrderId))
                .Select(s => new FakeShipment(
                    s.TrackingNumber,
                    s.Carrier,
                    s.PositionItems
                        .Where(p => p.SalesOrderId == order.SalesOrderId && lineOf.ContainsKey(p.PositionItemId))
                        .GroupBy(p => lineOf[p.PositionItemId], StringComparer.Ordinal)
                        .Select(g => new ShippedLine(g.Key, g.Count()))
                        .ToArray()))
                .ToArray();
        }
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) =>
        Errors(404, "NOT_FOUND", request.Path, "No endpoint is known under this path and method.");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        429 => Errors(429, "TOO_MANY_REQUESTS", null, "The rate limit of this endpoint is exceeded."),
        503 => Errors(503, "SERVICE_UNAVAILABLE", null, "The service is temporarily unavailable."),
        _ => Errors(statusCode, "INTERNAL_SERVER_ERROR", null, "An internal error occurred."),
    };

    internal static OrderStatus StatusOf(IReadOnlyCollection<OttoFakePositionItem> items)
    {
        var sent = items.Count(i => i.FulfillmentStatus is "SENT" or "RETURNED");
        var cancelled = items.Count(i => i.FulfillmentStatus.StartsWith("CANCELLED", StringComparison.Ordinal));
        if (items.Any(i => i.FulfillmentStatus == "ANNOUNCED"))
        {
            return OrderStatus.Pending;
        }

        if (cancelled == items.Count)
        {
            return OrderStatus.Cancelled;
        }

        return sent == 0 ? OrderStatus.Open : sent + cancelled == items.Count ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
    }

    private static string SkuOf(ForeignNumber foreignNumber) =>
        foreignNumber.Label == ForeignNumberLabel.OttoSku
            ? foreignNumber.Value
            : throw new ArgumentException($"OTTO Market identifies articles by the partner SKU ({ForeignNumberLabel.OttoSku}), not {foreignNumber.Label}.", nameof(foreignNumber));

    // OTTO's error body: {"errors":[{"title","path","detail"}]}, as in the official PHP SDK's fixtures (title and path)
    // and the OpenAPI models' ErrorDescription (detail optional).
    private static FakeResponse Errors(int statusCode, string title, string? path, string? detail)
    {
        var error = new JsonObject { ["title"] = title };
        if (path is not null)
        {
            error["path"] = path;
        }

        if (detail is not null)
        {
            error["detail"] = detail;
        }

        return Json(statusCode, new JsonObject { ["errors"] = new JsonArray(error) });
    }

    private static FakeResponse Json(int statusCode, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, body.ToJsonString(Compact), headers);

    private static JsonNode? ParseBody(FakeCall request)
    {
        try
        {
            return string.IsNullOrWhiteSpace(request.Body) ? null : JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private List<OttoFakePositionItem> PiecesOf(MarketplaceOrder order)
    {
        var pieces = new List<OttoFakePositionItem>();
        var status = order.Status == OrderStatus.Pending ? "ANNOUNCED"
            : order.Status == OrderStatus.Cancelled ? "CANCELLED_BY_MARKETPLACE"
            : order.Status == OrderStatus.Shipped || order.Status == OrderStatus.Completed ? "SENT"
            : "PROCESSABLE";
        foreach (var line in order.Lines)
        {
            if (line.ForeignNumber is not { } foreign)
            {
                throw new ArgumentException($"Line {line.LineId} of order {order.OrderNumber} has no OTTO SKU.", nameof(order));
            }

            var sku = SkuOf(foreign);
            var discounts = Split(line.Discount?.Amount, line.Quantity);
            for (var piece = 0; piece < line.Quantity; piece++)
            {
                pieces.Add(new OttoFakePositionItem
                {
                    PositionItemId = piece == 0 ? line.LineId : NextPieceId(),
                    LineId = line.LineId,
                    Sku = sku,
                    Title = line.Title,
                    VatRatePercent = (line.TaxRate ?? 0.19m) * 100m,
                    // The seed's unit price is after the discount (the SDK's contract); OTTO states the price before
                    // it (itemValueGrossPrice) and after it (itemValueReducedGrossPrice, the seed's unit price).
                    GrossPrice = line.UnitPrice.Amount + (discounts?[piece] ?? 0m),
                    Discount = discounts?[piece],
                    Currency = line.UnitPrice.Currency.ToString(),
                    FulfillmentStatus = status,
                });
            }
        }

        return pieces;
    }

    // A line's discount spread over its pieces in whole cents, the remainder on the first pieces: the pieces add up to it.
    private static decimal[]? Split(decimal? total, int pieces)
    {
        if (total is not { } amount || pieces <= 0)
        {
            return null;
        }

        var cents = (long)decimal.Round(amount * 100m);
        return Enumerable.Range(0, pieces).Select(i => ((cents / pieces) + (i < cents % pieces ? 1 : 0)) / 100m).ToArray();
    }

    private string NextPieceId() => $"00000000-0000-4000-8000-{_nextPieceId++:D12}";
}
