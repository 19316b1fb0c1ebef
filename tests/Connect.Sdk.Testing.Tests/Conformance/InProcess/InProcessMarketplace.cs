using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Conformance.InProcess;

/// <summary>
/// A fake marketplace in process (no HTTP): it keeps articles, orders, statuses and shipments, answers
/// <see cref="WireRequest"/>s in its own JSON shapes (prices in euros, with an optional compare-at price), checks the access token, and consults its <see cref="FaultPlan"/>
/// on every request (429, 5xx, malformed and truncated bodies). It sells in euros, and its prices include tax unless it
/// is made with another <see cref="Basis"/> (or none, as a fake that does not model it). Shipments are appended as sent, like a real marketplace
/// would, so a connector that sends one twice is caught.
/// </summary>
internal sealed class InProcessMarketplace : IPriceFake
{
    public const string Token = "inproc-token-7f3a9c2e51";

    private static int _instances;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePrice> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarketplaceOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeShipment>> _shipments = new(StringComparer.Ordinal);
    private readonly List<FakeRequest> _requests = [];

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{40000 + Interlocked.Increment(ref _instances)}/");

    public FaultPlan Faults { get; } = new();

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        lock (_gate)
        {
            _stock[foreignNumber.Value] = stock;
        }
    }

    public void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            _orders[order.OrderNumber] = order;
            _statuses[order.OrderNumber] = order.Status;
        }
    }

    public int? StockOf(ForeignNumber foreignNumber)
    {
        lock (_gate)
        {
            return _stock.TryGetValue(foreignNumber.Value, out var level) ? level : null;
        }
    }

    public CurrencyCode Currency => CurrencyCode.Eur;

    /// <summary>The basis the shop takes prices on, as its "prices include tax" setting says; <see langword="null"/> for a shop that says nothing.</summary>
    public PriceBasis? Basis { get; init; } = PriceBasis.Gross;

    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        lock (_gate)
        {
            return _prices.GetValueOrDefault(foreignNumber.Value);
        }
    }

    public OrderStatus? StatusOf(string orderNumber)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(orderNumber, out var status) ? status : null;
        }
    }

    public IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (_gate)
        {
            return _shipments.TryGetValue(orderNumber, out var shipments) ? shipments.ToArray() : [];
        }
    }

    /// <summary>Answers one request, as the marketplace's API would.</summary>
    public WireResponse Send(WireRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var fault = Faults.Draw(request.Operation);
            var response = fault switch
            {
                FaultKind.TooManyRequests => new WireResponse(429, """{"error":"rate limit exceeded, retry after 2 s"}"""),
                FaultKind.ServiceUnavailable => new WireResponse(503, """{"error":"service unavailable"}"""),
                FaultKind.ServerError => new WireResponse(500, """{"error":"internal error"}"""),
                FaultKind.Timeout or FaultKind.DroppedConnection => new WireResponse(0, string.Empty),
                _ when request.Token != Token => new WireResponse(401, """{"error":"invalid access token"}"""),
                FaultKind.MalformedJson => Answer(request) with { Body = "<html><body>502 Bad Gateway</body></html>" },
                FaultKind.TruncatedJson => Truncated(Answer(request)),
                _ => Answer(request),
            };
            _requests.Add(new FakeRequest(_requests.Count + 1, request.Operation, request.Method, request.Path, response.StatusCode));
            return response;
        }
    }

    private static WireResponse Truncated(WireResponse response) => response with { Body = response.Body[..(response.Body.Length / 2)] };

    private WireResponse Answer(WireRequest request) => request.Operation switch
    {
        "auth.check" => Ok(new { shop = "in-process" }),
        "shop.get" => Ok(new WireShop(Currency.Value, Basis is { } basis ? basis == PriceBasis.Gross : null)),
        "orders.list" => ListOrders(Wire.Deserialize<WireOrderQuery>(request.Body!)),
        "orders.get" => Ok(Wire.Deserialize<WireLookup>(request.Body!).Numbers.Where(_orders.ContainsKey).Select(n => Wire.Render(_orders[n])).ToArray()),
        "stock.update" => UpdateStock(Wire.Deserialize<WireStock[]>(request.Body!)),
        "prices.update" => UpdatePrices(Wire.Deserialize<WirePrice[]>(request.Body!)),
        "shipments.list" => Ok(ShipmentsOf(Wire.Deserialize<WireLookup>(request.Body!).Numbers[0]).Select(s => new WireShipment(string.Empty, s.TrackingNumber, s.Carrier, s.Lines.Select(l => new WireShippedLine(l.LineId, l.Quantity)).ToArray())).ToArray()),
        "shipments.create" => CreateShipment(Wire.Deserialize<WireShipment>(request.Body!)),
        "orders.status" => SetStatus(Wire.Deserialize<WireStatus>(request.Body!)),
        _ => new WireResponse(404, """{"error":"unknown operation"}"""),
    };

    private WireResponse ListOrders(WireOrderQuery query)
    {
        var since = Instant.FromUnixTimeMilliseconds(query.Since);
        var changed = _orders.Values
            .Where(o => o.UpdatedAt >= since)
            .OrderBy(o => o.UpdatedAt).ThenBy(o => o.OrderNumber, StringComparer.Ordinal)
            .ToArray();
        var page = changed.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(Wire.Render).ToArray();
        int? next = query.Page * query.PageSize < changed.Length ? query.Page + 1 : null;
        return Ok(new WireOrderPage(page, next));
    }

    private WireResponse UpdateStock(WireStock[] items) =>
        Ok(items.Select(item =>
        {
            if (!_stock.ContainsKey(item.ItemId))
            {
                return new WireStockResult(item.ItemId, false, $"unknown item {item.ItemId}");
            }

            _stock[item.ItemId] = item.Quantity;
            return new WireStockResult(item.ItemId, true, null);
        }).ToArray());

    private WireResponse UpdatePrices(WirePrice[] items) =>
        Ok(items.Select(item =>
        {
            if (!_stock.ContainsKey(item.ItemId))
            {
                return new WireStockResult(item.ItemId, false, $"unknown item {item.ItemId}");
            }

            if (!string.Equals(item.Currency, Currency.Value, StringComparison.Ordinal))
            {
                return new WireStockResult(item.ItemId, false, $"the shop sells in {Currency}, not {item.Currency}");
            }

            _prices[item.ItemId] = new FakePrice(new Money(item.Price, Currency), item.CompareAt is { } c ? new Money(c, Currency) : null);
            return new WireStockResult(item.ItemId, true, null);
        }).ToArray());

    private WireResponse CreateShipment(WireShipment shipment)
    {
        if (!_orders.ContainsKey(shipment.OrderNumber))
        {
            return new WireResponse(404, """{"error":"unknown order"}""");
        }

        if (!_shipments.TryGetValue(shipment.OrderNumber, out var list))
        {
            _shipments[shipment.OrderNumber] = list = [];
        }

        list.Add(new FakeShipment(shipment.Tracking, shipment.Carrier, shipment.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity)).ToArray()));
        return Ok(new { created = shipment.Tracking });
    }

    private WireResponse SetStatus(WireStatus status)
    {
        if (!_orders.ContainsKey(status.OrderNumber))
        {
            return new WireResponse(404, """{"error":"unknown order"}""");
        }

        _statuses[status.OrderNumber] = new OrderStatus(status.Status);
        return Ok(new { status.Status });
    }

    private static WireResponse Ok<T>(T body) => new(200, Wire.Serialize(body));

    /// <summary>How often it was disposed.</summary>
    public int Disposals { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposals++;
        return ValueTask.CompletedTask;
    }
}
