using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>
/// The Kaufland Marketplace Seller API v2 on loopback (<c>/v2</c>), in Kaufland's own shapes: the seller's units with
/// <c>amount</c> (stock) and <c>listing_price</c> in integer cents of the storefront's currency, order units (one per
/// piece sold) with <c>offset</c>/<c>limit</c> paging in the <c>data</c>/<c>pagination</c> envelope, an order with all
/// its units, and marking an order unit sent with a carrier code and tracking numbers.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="Start"/>; point the connector at <see cref="ApiAddress"/>.</para>
/// <para>
/// Every request must carry <c>Shop-Client-Key</c>, <c>Shop-Timestamp</c>, <c>Shop-Signature</c>, <c>User-Agent</c> and
/// <c>Accept: application/json</c>; the signature is checked over the request as received (method, the full URI with
/// the query exactly as sent, the raw body, the timestamp header). The fake enforces Kaufland's documented limit of 111
/// requests per second per seller across all endpoints (<see cref="DocumentedRateLimit"/>) unless the options give another.
/// It serves one storefront (<see cref="Storefront"/>), whose currency its prices are in.
/// </para>
/// </remarks>
public sealed partial class KauflandFake : WireMockMarketplaceFake, IPriceFake
{
    /// <summary>The API's path under the host, as in <c>https://sellerapi.kaufland.com/v2</c>.</summary>
    public const string ApiPath = "v2/";

    private const string Api = "/v2";
    private const int MaxLimit = 100;
    private const int DefaultLimit = 30;

    // ISO 8601 in UTC; whole seconds as Kaufland's examples show them, a fraction only for a time seeded with one.
    private static readonly InstantPattern IsoTime = InstantPattern.ExtendedIso;
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly List<KauflandUnit> _units = [];
    private readonly List<KauflandOrder> _orders = [];
    private long _nextProductId = 20574181;
    private long _nextOrderUnitId = 9_000_000_001;
    private long _nextBuyerId = 7001;
    private int _sendCalls;

    private KauflandFake(KauflandKeys keys, string storefront, MarketplaceFakeOptions options)
        : base(options)
    {
        Keys = keys;
        Storefront = storefront;
        Currency = CurrencyOf(storefront);
        Map("status.ping", "GET", $"{Api}/status/ping/?", _ => Json(200, new JsonObject { ["data"] = new JsonObject { ["message"] = "pong" } }));
        MapUnits();
        MapOrders();
    }

    /// <summary>
    /// Kaufland's documented rate limit: 111 requests per seller per second across all endpoints, answered with
    /// 429 beyond it (https://sellerapi.kaufland.com/?page=rate-limits). No burst above it is documented, so a second's
    /// worth is the most the bucket holds.
    /// </summary>
    public static RateLimit DocumentedRateLimit { get; } = new(111, 111);

    /// <summary>The only keys the fake accepts.</summary>
    public KauflandKeys Keys { get; }

    /// <summary>The storefront the fake's seller sells on (<c>de</c>, <c>cz</c>, <c>sk</c>, <c>pl</c>, <c>at</c>).</summary>
    public string Storefront { get; }

    /// <summary>The storefront's currency: EUR for de, sk and at, CZK for cz, PLN for pl (the <c>listing_price</c> description of the Seller API's UnitPatchRequest).</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Consumer prices: Kaufland lists and sells at prices with VAT included.</summary>
    public PriceBasis? Basis => PriceBasis.Gross;

    /// <summary>The API's base address, <c>http://127.0.0.1:{port}/v2/</c>.</summary>
    public Uri ApiAddress => new(BaseAddress, ApiPath);

    /// <summary>Starts a fake Seller API on a free loopback port.</summary>
    /// <param name="keys">The only keys the fake accepts.</param>
    /// <param name="options">Clock, faults and delays; its rate limit replaces <see cref="DocumentedRateLimit"/> when given.</param>
    /// <param name="storefront">The seller's storefront; <c>de</c> by default.</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static KauflandFake Start(KauflandKeys keys, MarketplaceFakeOptions? options = null, string storefront = "de")
    {
        ArgumentNullException.ThrowIfNull(keys);
        _ = CurrencyOf(storefront);
        var given = options ?? new MarketplaceFakeOptions();
        return new KauflandFake(keys, storefront, new MarketplaceFakeOptions
        {
            Clock = given.Clock,
            Faults = given.Faults,
            TimeoutDelay = given.TimeoutDelay,
            SlowResponseDelay = given.SlowResponseDelay,
            DelayTime = given.DelayTime,
            RateLimit = given.RateLimit ?? DocumentedRateLimit,
        });
    }

    /// <summary>
    /// Adds a unit with this <c>id_unit</c> and <c>amount</c> (its offer id <c>offer-{id_unit}</c>, listing price 19.99);
    /// seeding a known unit sets its amount.
    /// </summary>
    /// <param name="foreignNumber">The unit id, labelled <see cref="ForeignNumberLabel.ApiUnitId"/>.</param>
    /// <param name="stock">The amount.</param>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var id = UnitIdOf(foreignNumber);
        lock (Gate)
        {
            if (FindUnit(id) is { } known)
            {
                known.Amount = stock;
                known.Changed = Clock.GetCurrentInstant();
                return;
            }

            var now = Clock.GetCurrentInstant();
            _units.Add(new KauflandUnit
            {
                IdUnit = id,
                IdOffer = string.Create(CultureInfo.InvariantCulture, $"offer-{id}"),
                IdProduct = _nextProductId++,
                Title = string.Create(CultureInfo.InvariantCulture, $"Product of unit {id}"),
                Amount = stock,
                ListingPrice = 1999,
                Inserted = now,
                Changed = now,
            });
        }
    }

    /// <inheritdoc />
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var id = UnitIdOf(foreignNumber);
        lock (Gate)
        {
            return FindUnit(id)?.Amount;
        }
    }

    /// <summary>The unit's <c>listing_price</c> in the storefront's currency; Kaufland has no compare-at price.</summary>
    /// <param name="foreignNumber">The unit id.</param>
    /// <returns>The price, or <see langword="null"/> for an unknown unit.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        var id = UnitIdOf(foreignNumber);
        lock (Gate)
        {
            return FindUnit(id) is { } unit ? new FakePrice(new Money(unit.ListingPrice / 100m, Currency), null) : null;
        }
    }

    /// <summary>
    /// Places an order: each line becomes one order unit per piece (as Kaufland creates them), priced at the line's unit
    /// price in cents (Kaufland's prices include VAT), with the order's shipping cost as the first unit's
    /// <c>shipping_rate</c>. A line's <see cref="OrderLine.Sku"/>, when given, becomes its unit's <c>id_offer</c>; a
    /// numeric <see cref="OrderLine.LineId"/> becomes the <c>id_order_unit</c> of the line's first piece.
    /// </summary>
    /// <param name="order">The order; its lines' foreign numbers must be seeded units, its amounts whole cents in the storefront's currency.</param>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Currency != Currency)
        {
            throw new ArgumentException($"Order {order.OrderNumber} is in {order.Currency}; storefront {Storefront} sells in {Currency}.", nameof(order));
        }

        lock (Gate)
        {
            var placed = new KauflandOrder
            {
                IdOrder = order.OrderNumber,
                Created = order.CreatedAt,
                Buyer = new JsonObject { ["id_buyer"] = _nextBuyerId++, ["email"] = order.BuyerEmail },
                BillingAddress = AddressJson(order.BillingAddress),
                ShippingAddress = AddressJson(order.ShippingAddress),
            };
            var status = UnitStatusOf(order.Status);
            var shipping = Cents(order.ShippingCost.Amount, "shipping cost");
            foreach (var line in order.Lines)
            {
                var unit = line.ForeignNumber is { } foreign ? FindUnit(UnitIdOf(foreign)) : null;
                if (unit is null)
                {
                    throw new ArgumentException($"Line {line.LineId} of order {order.OrderNumber} names no seeded unit.", nameof(order));
                }

                if (line.Sku is { Length: > 0 } offer)
                {
                    unit.IdOffer = offer;
                }

                // The line's other pieces get later ids, so the line's lowest id is the seeded one.
                var seededId = long.TryParse(line.LineId, NumberStyles.None, CultureInfo.InvariantCulture, out var first) && FindOrderUnit(first) is null && placed.Units.TrueForAll(u => u.IdOrderUnit != first);
                _nextOrderUnitId = seededId ? Math.Max(_nextOrderUnitId, first + 1) : _nextOrderUnitId;
                for (var piece = 0; piece < line.Quantity; piece++)
                {
                    placed.Units.Add(new KauflandOrderUnit
                    {
                        IdOrderUnit = piece == 0 && seededId ? first : _nextOrderUnitId++,
                        IdOrder = order.OrderNumber,
                        Unit = unit,
                        SeededLineId = line.LineId,
                        Status = status,
                        Price = Cents(line.UnitPrice.Amount, $"line {line.LineId} unit price"),
                        ShippingRate = placed.Units.Count == 0 ? shipping : 0,
                        Title = line.Title,
                        Vat = line.TaxRate is { } rate ? rate * 100m : null,
                        Created = order.CreatedAt,
                        Updated = order.UpdatedAt,
                    });
                }
            }

            _orders.Add(placed);
        }
    }

    /// <summary>
    /// The order's status read from its units: every unit cancelled is <see cref="OrderStatus.Cancelled"/>; every other
    /// unit received is <see cref="OrderStatus.Completed"/>, sent (or received, returned) <see cref="OrderStatus.Shipped"/>, some
    /// <see cref="OrderStatus.PartiallyShipped"/>; every one <c>open</c> <see cref="OrderStatus.Pending"/>;
    /// otherwise <see cref="OrderStatus.Open"/>.
    /// </summary>
    /// <remarks>
    /// Kaufland has no order status, only the units': this is the connector's reading (docs/marketplaces/kaufland.md,
    /// "Status"), the expectation the conformance suite checks an import against, not a behaviour of Kaufland's.
    /// </remarks>
    /// <param name="orderNumber">The <c>id_order</c>.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            if (FindOrder(orderNumber) is not { } order)
            {
                return null;
            }

            var live = order.Units.Where(u => u.Status != "cancelled").ToArray();
            var sent = live.Count(u => u.Status is "sent" or "sent_and_autopaid" or "received" or "returned" or "returned_paid");
            return live.Length == 0 ? OrderStatus.Cancelled
                : live.All(u => u.Status == "received") ? OrderStatus.Completed
                : sent == live.Length ? OrderStatus.Shipped
                : sent > 0 ? OrderStatus.PartiallyShipped
                : live.All(u => u.Status == "open") ? OrderStatus.Pending
                : OrderStatus.Open;
        }
    }

    /// <summary>The order units marked sent, as one shipment per send call's tracking numbers, each line's pieces counted.</summary>
    /// <param name="orderNumber">The <c>id_order</c>.</param>
    /// <returns>The shipments in the order they were sent.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            if (FindOrder(orderNumber) is not { } order)
            {
                return [];
            }

            return order.Units
                .Where(u => u.TrackingNumbers is not null)
                .GroupBy(u => (u.TrackingNumbers!, u.CarrierCode!))
                .OrderBy(g => g.Min(u => u.SentInCall))
                .Select(g => new FakeShipment(
                    g.Key.Item1,
                    g.Key.Item2,
                    g.GroupBy(u => u.SeededLineId, StringComparer.Ordinal).Select(l => new ShippedLine(l.Key, l.Count())).ToArray()))
                .ToArray();
        }
    }

    /// <summary>Sets an order unit's status as Kaufland or the buyer would (received, returned, cancelled …) and stamps <c>ts_updated_iso</c>.</summary>
    /// <param name="idOrderUnit">The order unit.</param>
    /// <param name="status">The new status, one of the Seller API's <c>OrderUnitStatus</c> values, e.g. <c>received</c>.</param>
    /// <exception cref="ArgumentException">The status is not one of the model's.</exception>
    public void SetOrderUnitStatus(long idOrderUnit, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        if (!UnitStatuses.Contains(status))
        {
            throw new ArgumentException($"'{status}' is not one of the Seller API's order unit statuses ({string.Join(", ", UnitStatuses)}).", nameof(status));
        }

        lock (Gate)
        {
            var unit = FindOrderUnit(idOrderUnit) ?? throw new KeyNotFoundException($"No order unit {idOrderUnit}.");
            unit.Status = status;
            unit.Updated = Clock.GetCurrentInstant();
        }
    }

    /// <summary>The order units of an order as <c>GET /orders/{id_order}</c> lists them (copies).</summary>
    /// <param name="orderNumber">The <c>id_order</c>.</param>
    /// <returns>The order units; empty for an unknown order.</returns>
    public IReadOnlyList<JsonObject> OrderUnitsOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Units.Select(u => OrderUnitJson(u, withOrder: null)).ToArray() ?? [];
        }
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) => Problem(404, "/problems/not-found", "Not found.");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        429 => Problem(429, "about:blank", "429 Too Many Requests"),
        503 => Problem(503, "/problems/service-unavailable", "Service unavailable."),
        _ => Problem(statusCode, "/problems/server-error", "Internal server error."),
    };

    // The Seller API's ErrorResponse: type (a ProblemType), message, and errors per request value.
    private static FakeResponse Problem(int statusCode, string type, string message, params (string Field, string Message)[] errors) =>
        Json(statusCode, new JsonObject
        {
            ["type"] = type,
            ["message"] = message,
            ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message })]),
        });

    private static FakeResponse Invalid(string field, string message) => Problem(400, "/problems/validation-error", "Validation error.", (field, message));

    private static FakeResponse Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString(Compact));

    private static CurrencyCode CurrencyOf(string storefront) => storefront switch
    {
        "de" or "sk" or "at" => CurrencyCode.Eur,
        "cz" => new CurrencyCode("CZK"),
        "pl" => new CurrencyCode("PLN"),
        _ => throw new ArgumentException($"'{storefront}' is not a Kaufland storefront (de, cz, sk, pl, at).", nameof(storefront)),
    };

    private static long UnitIdOf(ForeignNumber foreignNumber)
    {
        if (foreignNumber.Label != ForeignNumberLabel.ApiUnitId)
        {
            throw new ArgumentException($"The Kaufland fake identifies articles by unit id (apiunitid), not by {foreignNumber.Label}.", nameof(foreignNumber));
        }

        return long.TryParse(foreignNumber.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new ArgumentException($"'{foreignNumber.Value}' is not a Kaufland id_unit (a positive integer).", nameof(foreignNumber));
    }

    private static long Cents(decimal amount, string what)
    {
        var cents = amount * 100m;
        return cents == decimal.Truncate(cents) ? (long)cents : throw new ArgumentException($"The {what} {amount} is not whole cents; Kaufland keeps integer cents.", nameof(amount));
    }

    private static string UnitStatusOf(OrderStatus status) =>
        status == OrderStatus.Cancelled ? "cancelled"
        : status == OrderStatus.Shipped ? "sent"
        : status == OrderStatus.Completed ? "received"
        : status == OrderStatus.Pending ? "open"
        : "need_to_be_sent";

    // Kaufland's Address model: first and last name apart, the house number apart from the street.
    private static JsonObject? AddressJson(Address? address)
    {
        if (address is null)
        {
            return null;
        }

        var name = address.Name.Split(' ', 2);
        var street = StreetAndNumber().Match(address.Street);
        return new JsonObject
        {
            ["first_name"] = name[0],
            ["last_name"] = name.Length > 1 ? name[1] : string.Empty,
            ["company_name"] = address.Company,
            ["street"] = street.Success ? street.Groups["street"].Value : address.Street,
            ["house_number"] = street.Success ? street.Groups["number"].Value : string.Empty,
            ["postcode"] = address.PostalCode,
            ["additional_field"] = address.AddressLine2,
            ["city"] = address.City,
            ["phone"] = address.Phone,
            ["country"] = address.CountryCode,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<street>.+?)\s+(?<number>\d+\S*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex StreetAndNumber();

    private KauflandUnit? FindUnit(long id) => _units.Find(u => u.IdUnit == id);

    private KauflandOrder? FindOrder(string idOrder) => _orders.Find(o => o.IdOrder == idOrder);

    private KauflandOrderUnit? FindOrderUnit(long id) => _orders.SelectMany(o => o.Units).FirstOrDefault(u => u.IdOrderUnit == id);

    private static string Time(Instant instant) => IsoTime.Format(instant);
}
