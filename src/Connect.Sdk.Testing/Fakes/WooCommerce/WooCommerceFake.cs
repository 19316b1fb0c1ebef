using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// A WooCommerce shop on loopback that serves the REST API v3 (<c>/wp-json/wc/v3</c>) in WooCommerce's own
/// shapes: products and variations with stock and prices (single and batch updates), orders with WooCommerce's
/// pagination headers and filters, order status updates, and order notes (where connectors put tracking).
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="Start"/>; point the connector at <see cref="WireMockMarketplaceFake.BaseAddress"/>.</para>
/// <para>
/// WooCommerce documents no rate limit, so the fake enforces none unless the options give one (to simulate a
/// host's limiter). Its site time zone is UTC, so <c>date_created</c> equals <c>date_created_gmt</c>. It authenticates
/// as WooCommerce does, for the transport <see cref="PlainHttp"/> says it sees: keys over HTTPS, OAuth 1.0a over HTTP.
/// </para>
/// </remarks>
public sealed partial class WooCommerceFake : WireMockMarketplaceFake
{
    /// <summary>The path of the REST API under the shop's address.</summary>
    public const string ApiPath = "wp-json/wc/v3/";

    private const string Api = "/wp-json/wc/v3";
    private const int BatchLimit = 100;

    private static readonly InstantPattern WooDate = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly WooCommerceAuthentication _authentication;
    private readonly List<WooProduct> _products = [];
    private readonly List<WooOrder> _orders = [];
    private long _nextProductId = 801;
    private long _nextOrderId = 1001;
    private long _nextLineId = 3101;
    private long _nextNoteId = 5001;

    private WooCommerceFake(WooCommerceCredentials credentials, MarketplaceFakeOptions? options)
        : base(options)
    {
        Credentials = credentials;
        _authentication = new WooCommerceAuthentication(credentials, Clock, BaseAddress);
        Route("index", "GET", $"{Api}/?", _ => Json(200, new JsonObject { ["namespace"] = "wc/v3", ["routes"] = new JsonObject() }));
        Route("system_status.get", "GET", $"{Api}/system_status", _ => SystemStatus());
        MapProducts();
        MapSettings();
        MapOrders();
    }

    /// <summary>The API key the shop accepts.</summary>
    public WooCommerceCredentials Credentials { get; }

    /// <summary>
    /// Whether the shop rounds tax at subtotal level instead of per line (WooCommerce's tax setting
    /// <c>woocommerce_tax_round_at_subtotal</c>; off by default, as in WooCommerce). On, an order seeded from then on is
    /// taxed as WooCommerce does it: each taxed line's tax is its rate times its amount, kept unrounded (the line's
    /// <c>taxes[].total</c> shows it so), while the REST API formats the line's <c>total</c> and <c>total_tax</c> to 2
    /// decimals; <c>cart_tax</c>, the tax lines and the order's <c>total</c> are rounded once over the unrounded amounts,
    /// as <c>calculate_totals</c> does. So the rounded line taxes may not add up to the total by a cent per line.
    /// </summary>
    public bool RoundTaxAtSubtotal { get; set; }

    /// <summary>
    /// Whether the shop sees its requests as plain HTTP, as WordPress's <c>is_ssl()</c> does for a site served on
    /// <c>http://</c>. Then, as in WooCommerce, only OAuth 1.0a signatures over the <c>http://</c> address authenticate
    /// (what WooCommerce's JavaScript client and other published clients send over plain HTTP); Basic and query-string keys
    /// are not even looked at. Off (the default), the shop acts as one behind HTTPS (TLS ended in front of it, as a
    /// connector that demands https:// is tested on loopback): query-string keys and HTTP Basic first, else OAuth 1.0a
    /// signed over the <c>https://</c> address.
    /// </summary>
    public bool PlainHttp { get; set; }

    /// <summary>The REST API's base address, <c>http://127.0.0.1:{port}/wp-json/wc/v3/</c>.</summary>
    public Uri ApiAddress => new(BaseAddress, ApiPath);

    /// <summary>Starts a fake shop on a free loopback port.</summary>
    /// <param name="credentials">The only API key the shop accepts.</param>
    /// <param name="options">Clock, faults, delays and rate limit; <see langword="null"/> for the defaults (no limit).</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static WooCommerceFake Start(WooCommerceCredentials credentials, MarketplaceFakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new WooCommerceFake(credentials, options);
    }

    /// <summary>
    /// Adds a simple product with this SKU, managing its stock; seeding a SKU the shop already has sets that product's
    /// (or variation's) stock instead, as WooCommerce keeps one product per SKU.
    /// </summary>
    /// <param name="foreignNumber">A foreign number labelled <see cref="ForeignNumberLabel.Sku"/>.</param>
    /// <param name="stock">The stock quantity.</param>
    /// <exception cref="ArgumentException">The label is not SKU, or the SKU is a variable product (which holds no stock of its own).</exception>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            if (_products.Find(p => p.Sku == sku) is { } known)
            {
                Restock(known, stock);
                return;
            }

            _products.Add(NewProduct("simple", $"Product {sku}", sku, parentId: 0, stock));
        }
    }

    /// <summary>
    /// Adds a variation with this SKU under a variable product (created on first use); seeding a variation of that
    /// product again sets its stock instead.
    /// </summary>
    /// <param name="foreignNumber">The variation's SKU, labelled <see cref="ForeignNumberLabel.Sku"/>.</param>
    /// <param name="stock">The variation's stock quantity.</param>
    /// <param name="parentSku">The SKU of the variable product it belongs to.</param>
    /// <exception cref="ArgumentException">The label is not SKU, the SKU belongs to another product, or the parent is not variable.</exception>
    public void SeedVariation(ForeignNumber foreignNumber, int stock, string parentSku)
    {
        var sku = SkuOf(foreignNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(parentSku);
        lock (Gate)
        {
            var parent = _products.Find(p => p.Sku == parentSku);
            if (_products.Find(p => p.Sku == sku) is { } known)
            {
                if (!known.IsVariation || known.ParentId != parent?.Id)
                {
                    throw new ArgumentException($"A product with SKU {sku} exists already outside {parentSku}; WooCommerce keeps SKUs unique.", nameof(foreignNumber));
                }

                Restock(known, stock);
                return;
            }

            if (parent is null)
            {
                parent = NewProduct("variable", $"Product {parentSku}", parentSku, parentId: 0, stock: null);
                _products.Add(parent);
            }
            else if (parent.Type != "variable")
            {
                throw new ArgumentException($"The product with SKU {parentSku} is not variable.", nameof(parentSku));
            }

            var variation = NewProduct("variation", $"{parent.Name} - {sku}", sku, parent.Id, stock);
            parent.Variations.Add(variation.Id);
            _products.Add(variation);
        }
    }

    /// <summary>Sets an article's stock as if the shop owner edited it.</summary>
    /// <param name="foreignNumber">The article's SKU.</param>
    /// <param name="stock">The new stock quantity.</param>
    /// <exception cref="KeyNotFoundException">No product or variation has this SKU.</exception>
    public void SetStock(ForeignNumber foreignNumber, int stock) =>
        EditAsShopOwner(foreignNumber, product =>
        {
            product.ManageStock = true;
            product.StockQuantity = stock;
        });

    // A change the shop owner makes in the admin: the product or variation with the SKU changed and marked modified.
    private void EditAsShopOwner(ForeignNumber foreignNumber, Action<WooProduct> edit)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            var product = _products.Find(p => p.Sku == sku) ?? throw new KeyNotFoundException($"No product has SKU {sku}.");
            edit(product);
            product.Modified = Clock.GetCurrentInstant();
        }
    }

    /// <summary>The stock quantity of the product or variation with this SKU.</summary>
    /// <param name="foreignNumber">The article's SKU.</param>
    /// <returns>The quantity; <see langword="null"/> for an unknown SKU or one that does not manage its stock (WooCommerce then holds no quantity).</returns>
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var sku = SkuOf(foreignNumber);
        lock (Gate)
        {
            return _products.Find(p => p.Sku == sku) is { ManageStock: true } product ? product.StockQuantity : null;
        }
    }

    /// <summary>
    /// The order's status as the buyer sees it: WooCommerce's status (mapped by <see cref="WooCommerceOrderStatus"/>),
    /// read together with the tracking notes, because WooCommerce has no shipment status of its own. An order still
    /// <c>processing</c> (or <c>on-hold</c>) with a tracking note reads <see cref="OrderStatus.PartiallyShipped"/>, a
    /// <c>completed</c> one with a tracking note <see cref="OrderStatus.Shipped"/>.
    /// </summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            if (FindOrder(orderNumber) is not { } order)
            {
                return null;
            }

            var tracked = order.Notes.Exists(n => WooCommerceTrackingNote.TryParse((string?)n["note"] ?? string.Empty, out _, out _, out _));
            return (tracked, order.Status) switch
            {
                (true, "processing" or "on-hold") => OrderStatus.PartiallyShipped,
                (true, "completed") => OrderStatus.Shipped,
                _ => WooCommerceOrderStatus.ToSdk(order.Status),
            };
        }
    }

    /// <summary>
    /// The shipments read from the order's notes in the <see cref="WooCommerceTrackingNote"/> format, each
    /// tracking number once; a note without items ships every line in full.
    /// </summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The shipments, oldest first.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            if (FindOrder(orderNumber) is not { } order)
            {
                return [];
            }

            var allLines = order.Json["line_items"]!.AsArray()
                .Select(l => new Connect.Sdk.Shipments.ShippedLine(((long)l!["id"]!).ToString(CultureInfo.InvariantCulture), (int)l["quantity"]!))
                .ToArray();
            var shipments = new List<FakeShipment>();
            foreach (var note in order.Notes)
            {
                // Every tracking note counts, also a repeated one: a connector that writes the same tracking twice
                // shows the buyer two notes, and the conformance kit must see that.
                if (WooCommerceTrackingNote.TryParse((string?)note["note"] ?? string.Empty, out var carrier, out var number, out var lines))
                {
                    shipments.Add(new FakeShipment(number, carrier, lines ?? allLines));
                }
            }

            return shipments;
        }
    }

    /// <summary>Changes an order as if the shop owner edited it, and stamps <c>date_modified_gmt</c> with the clock.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <param name="change">Changes the order's REST representation.</param>
    /// <exception cref="KeyNotFoundException">No order has this number.</exception>
    public void ChangeOrder(string orderNumber, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var order = FindOrder(orderNumber) ?? throw new KeyNotFoundException($"No order has number {orderNumber}.");
            change(order.Json);
            Touch(order);
        }
    }

    /// <summary>Every order as <c>GET /orders/{id}</c> would answer it (copies), oldest first.</summary>
    /// <returns>The orders.</returns>
    public IReadOnlyList<JsonObject> Orders()
    {
        lock (Gate)
        {
            return _orders.Select(o => o.Json.DeepClone().AsObject()).ToArray();
        }
    }

    /// <summary>Every product and variation as the API renders it (copies), in creation order.</summary>
    /// <returns>The products.</returns>
    public IReadOnlyList<JsonObject> Products()
    {
        lock (Gate)
        {
            return _products.Select(Render).ToArray();
        }
    }

    /// <summary>The notes of an order (copies), oldest first.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The notes; empty for an unknown order.</returns>
    public IReadOnlyList<JsonObject> NotesOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Notes.Select(n => n.DeepClone().AsObject()).ToArray() ?? [];
        }
    }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authenticated = _authentication.TryAuthenticate(request, overHttps: !PlainHttp, out var refusal);
        if (refusal is not null)
        {
            // WordPress answers an authentication error before it routes, so an unknown route gets it too.
            return Error(401, refusal.Code, refusal.Message);
        }

        // Without credentials the namespace index answers, an unknown route is 404, and a route's permission check refuses.
        return authenticated || request.Operation is "index" or "route.unknown" ? null : NotPermitted(request);
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) =>
        Error(404, "rest_no_route", "No route was found matching the URL and request method");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        // WordPress's fatal-error handler answers REST requests with this body.
        500 => Error(500, "internal_server_error", "<p>There has been a critical error on this website.</p>"),

        // WooCommerce documents no 503 or 429 body; these come from the host, in the REST error shape.
        503 => Error(503, "service_unavailable", "The site is temporarily unavailable."),
        429 => Error(429, "too_many_requests", "Too many requests."),
        _ => Error(statusCode, "http_error", "Error."),
    };

    private static FakeResponse Json(int statusCode, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, body.ToJsonString(Compact), headers);

    private static FakeResponse Error(int statusCode, string code, string message, JsonObject? data = null)
    {
        data ??= [];
        data["status"] = statusCode;
        return Json(statusCode, new JsonObject { ["code"] = code, ["message"] = message, ["data"] = data });
    }

    // WordPress's answer to a parameter that fails its schema: the reason per parameter, and since WordPress 5.5 the
    // validation error behind it in details (rest_invalid_type, rest_out_of_bounds, rest_not_in_enum, ...).
    private static FakeResponse InvalidParameter(string name, string reason, string reasonCode) => Error(
        400,
        "rest_invalid_param",
        $"Invalid parameter(s): {name}",
        new JsonObject
        {
            ["params"] = new JsonObject { [name] = reason },
            ["details"] = new JsonObject
            {
                [name] = new JsonObject { ["code"] = reasonCode, ["message"] = reason, ["data"] = new JsonObject { ["param"] = name } },
            },
        });

    private static string SkuOf(ForeignNumber foreignNumber)
    {
        if (foreignNumber.Label != ForeignNumberLabel.Sku)
        {
            throw new ArgumentException($"The WooCommerce fake identifies articles by SKU, not by {foreignNumber.Label}.", nameof(foreignNumber));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        return foreignNumber.Value;
    }

    private static string Date(Instant instant) => WooDate.Format(instant);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    // An amount as WooCommerce stores it (wc_format_decimal without decimals): unrounded, without trailing zeros.
    private static string StoredAmount(decimal amount) => amount.ToString("0.00########", CultureInfo.InvariantCulture);

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

    private static FakeResponse InvalidJson() => Error(400, "rest_invalid_json", "Invalid JSON body passed.");

    // Each controller's permission check, in its own words (rest_authorization_required_code: 401 without a user).
    private static FakeResponse NotPermitted(FakeCall request) => request.Operation.Split('.')[^1] switch
    {
        "get" when request.Operation != "system_status.get" => Error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
        "update" => Error(401, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."),
        "create" => Error(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."),
        "batch" => Error(401, "woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource."),
        _ => Error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
    };

    private void Restock(WooProduct product, int stock)
    {
        if (product.Type == "variable")
        {
            throw new ArgumentException($"The product with SKU {product.Sku} is variable: its variations hold the stock.", nameof(product));
        }

        product.ManageStock = true;
        product.StockQuantity = stock;
        product.Modified = Clock.GetCurrentInstant();
    }

    private WooProduct NewProduct(string type, string name, string sku, long parentId, int? stock)
    {
        var now = Clock.GetCurrentInstant();
        return new WooProduct
        {
            RegularPrice = type == "variable" ? string.Empty : "19.99",
            Id = _nextProductId++,
            ParentId = parentId,
            Type = type,
            Name = name,
            Sku = sku,
            ManageStock = stock is not null,
            StockQuantity = stock,
            Created = now,
            Modified = now,
            Clock = Clock,
        };
    }

    private WooOrder? FindOrder(string orderNumber) => _orders.Find(o => o.Number == orderNumber);

    private void Touch(WooOrder order)
    {
        order.Modified = Clock.GetCurrentInstant();
        order.Json["date_modified"] = Date(order.Modified);
        order.Json["date_modified_gmt"] = Date(order.Modified);
    }

    private string Href(string path) => new Uri(BaseAddress, ApiPath + path).ToString();
}
