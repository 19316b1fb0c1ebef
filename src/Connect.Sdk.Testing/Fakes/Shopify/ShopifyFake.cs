using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Shopify;

/// <summary>
/// A Shopify shop on loopback that serves the GraphQL Admin API (<c>POST /admin/api/{version}/graphql.json</c>,
/// header <c>X-Shopify-Access-Token</c>) in Shopify's shapes: variants with inventory at one location, orders
/// with cursor pagination, fulfillment orders and fulfillments with tracking, and the cost-based throttle.
/// </summary>
/// <remarks>
/// <para>
/// Start one with <see cref="Start"/>; point the connector at <see cref="GraphQLAddress"/>. There is no GraphQL
/// engine: the fake reads the document's first root field (its alias too) and that field's arguments (literals or
/// <c>$variables</c>; input objects must come as variables) and answers with the field's complete fixed shape,
/// whatever the selection set asks for. Connections carry both <c>nodes</c> and <c>edges</c>. Nested connections of an
/// order (<c>lineItems</c>, <c>fulfillmentOrders</c> and their <c>lineItems</c> and <c>fulfillments</c>) honour the
/// <c>first</c> and <c>after</c> the selection gives them, with <c>pageInfo</c>; the order's <c>fulfillments</c> is a list,
/// cut to its <c>first</c> (oldest first) with nothing to page on; an inventory item answers
/// <c>inventoryLevel(locationId:)</c> with its level at that location (null elsewhere) next to <c>inventoryLevels</c>.
/// </para>
/// <list type="table">
/// <listheader><term>Root field (fault-plan operation)</term><description>What the fake does</description></listheader>
/// <item><term><c>shop</c> (<c>graphql.shop</c>)</term><description>The connection check: <c>name</c>, <c>myshopifyDomain</c>, <c>currencyCode</c>. Cost 1.</description></item>
/// <item><term><c>location(id)</c>, <c>locations(first, after)</c> (<c>graphql.location</c>, <c>graphql.locations</c>)</term><description>The shop's one location, <see cref="LocationId"/>.</description></item>
/// <item><term><c>productVariants(first, after, query: "sku:…")</c>, <c>productVariant(id)</c> (<c>graphql.productVariants</c>, <c>graphql.productVariant</c>)</term><description>Variant lookup by SKU or id, with <c>inventoryItem</c> and its <c>inventoryLevels</c>.</description></item>
/// <item><term><c>product(id)</c> (<c>graphql.product</c>)</term><description>A product with <c>hasOnlyDefaultVariant</c> and its <c>variants</c> (as <c>productVariant</c> shows them).</description></item>
/// <item><term><c>inventoryItem(id)</c> (<c>graphql.inventoryItem</c>)</term><description>An inventory item with <c>variant</c> and <c>inventoryLevels</c> (<c>quantities</c> named <c>available</c>).</description></item>
/// <item><term><c>inventorySetQuantities(input)</c> (<c>graphql.inventorySetQuantities</c>)</term><description>
/// Sets <c>available</c> (all quantities or none). From API version 2026-04 the mutation needs <c>@idempotent(key:)</c> and every quantity
/// <c>changeFromQuantity</c>: leaving either out is a top-level error, an explicit null skips the check, a mismatch is the user error
/// <c>CHANGE_FROM_QUANTITY_STALE</c>. Before it, <c>compareQuantity</c> (<c>COMPARE_QUANTITY_REQUIRED</c> unless <c>ignoreCompareQuantity</c>,
/// <c>COMPARE_QUANTITY_STALE</c>) and an optional key. A repeated key with the same parameters replays the first answer and changes nothing;
/// with other parameters it is <c>IDEMPOTENCY_KEY_PARAMETER_MISMATCH</c>. Also <c>INVALID_NAME</c> (the fake keeps no <c>on_hand</c>),
/// <c>INVALID_REASON</c>, <c>INVALID_INVENTORY_ITEM</c>, <c>INVALID_LOCATION</c>, <c>INVALID_QUANTITY_NEGATIVE</c>. Cost 10.</description></item>
/// <item><term><c>orders(first, after, query, sortKey, reverse)</c> (<c>graphql.orders</c>)</term><description>Cursor pages with <c>pageInfo { hasNextPage endCursor }</c>;
/// <c>query</c> understands <c>updated_at:&gt;…</c>, <c>updated_at:&gt;=…</c>, <c>updated_at:&lt;…</c> and <c>name:…</c>; <c>sortKey</c> <c>ID</c> (default) or <c>UPDATED_AT</c>. At most 250 a page.</description></item>
/// <item><term><c>order(id)</c> (<c>graphql.order</c>)</term><description>One order with <c>lineItems</c>, <c>fulfillmentOrders</c> (one, or as
/// <see cref="SeedOrder(MarketplaceOrder, IReadOnlyList{IReadOnlyList{Connect.Sdk.Shipments.ShippedLine}})"/> split the lines; their line items with remaining
/// quantities, and the fulfillments made from each) and <c>fulfillments</c>.</description></item>
/// <item><term><c>fulfillmentOrder(id)</c> (<c>graphql.fulfillmentOrder</c>)</term><description>One fulfillment order with its line items and fulfillments.</description></item>
/// <item><term><c>fulfillmentCreate(fulfillment)</c> (<c>graphql.fulfillmentCreate</c>)</term><description>
/// <c>lineItemsByFulfillmentOrder[{fulfillmentOrderId, fulfillmentOrderLineItems[{id, quantity}]}]</c> (no line items: all that remains),
/// <c>trackingInfo {number, company, url}</c>. Over-fulfilling or an unknown fulfillment order is a user error. Cost 10.</description></item>
/// </list>
/// <para>
/// Faults: every request first consults the plan as operation <c>graphql</c> (every kind, including dropped
/// connections and delays); then, once the root field is known, as <c>graphql.{field}</c>, where the status and body
/// faults (500, 503, 429, malformed and truncated JSON) are acted out. Schedule faults by the
/// <c>graphql.{field}</c> names: a rule without an operation is drawn at both points. The request log names every
/// GraphQL request <c>graphql</c>. Unknown paths answer 404 (operation <c>route.unknown</c>); a missing or wrong token
/// answers 401 with Shopify's body <c>{"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}</c>;
/// a body that is not <c>{"query": …}</c> answers 400.
/// </para>
/// <para>
/// Throttle (<see cref="ShopifyThrottle"/>): the whole document has a requested cost, priced from its selection as
/// Shopify's rate-limit documentation describes it: a scalar or enum 0, an object 1, a connection (a field that selects
/// <c>nodes</c> or <c>edges</c>) 2 plus <c>first</c> (or <c>last</c>) times the cost of one node's selection, so nested
/// connections multiply; a list with <c>first</c> that many times one element; a mutation 10. Inline fragments count as
/// part of their selection; named fragments are not read. The actual cost is the root field's (2 plus the nodes returned
/// for a connection), never more than the requested cost.
/// A connection with neither <c>first</c> nor <c>last</c> is refused with <c>errors[{message: "you must provide one of
/// first or last", path}]</c>, <c>data: null</c> and its cost charged, as Shopify answers it.
/// A request needs its requested cost available; it then pays the actual cost, as Shopify refunds the difference.
/// A request costing more than 1000 points (Shopify's single-query limit) or more than the bucket holds is refused with
/// <c>errors[{message: "Query cost is {cost}, which exceeds the single query max cost limit ({maxCost}).", extensions:
/// {code: "MAX_COST_EXCEEDED"}}]</c> and no <c>data</c>, before any point is taken.
/// Every answer carries <c>extensions.cost</c>; a request that does not fit gets HTTP 200 (as Shopify throttles GraphQL) with
/// <c>errors[{message: "Throttled", extensions: {code: "THROTTLED"}}]</c> and <c>actualQueryCost: null</c>. The bucket
/// refills on <see cref="MarketplaceFakeOptions.Clock"/>. Every id the fake hands out is an odd number above 2^53, which
/// no double holds, so a client that parses GIDs' numbers as JSON numbers or doubles gets them wrong.
/// </para>
/// </remarks>
public sealed partial class ShopifyFake : WireMockMarketplaceFake
{
    /// <summary>The API version the fake assumes when a test does not name one.</summary>
    public const string DefaultApiVersion = "2026-04";

    private const string AccessTokenHeader = "X-Shopify-Access-Token";

    // Shopify refuses any single query that costs more than this, whatever the bucket holds.
    private const int SingleQueryMaxCost = 1000;

    private readonly TokenBucket _bucket;
    private readonly List<ShopifyVariant> _variants = [];
    private readonly List<ShopifyOrder> _orders = [];
    private readonly Dictionary<string, (string Fingerprint, FakeResponse Response)> _idempotent = new(StringComparer.Ordinal);
    private readonly string _accessToken;
    private readonly long _shopId;
    private long _nextId = ShopifyGid.FirstId;

    private ShopifyFake(string accessToken, ShopifyThrottle throttle, MarketplaceFakeOptions? options)
        : base(options)
    {
        _accessToken = accessToken;
        Throttle = throttle;
        _bucket = new TokenBucket(throttle.MaximumAvailable, throttle.RestoreRate, Clock);
        _shopId = NextId();
        LocationId = NextId();
        Map("graphql", "POST", @"/admin/api/(?<version>\d{4}-\d{2}|unstable)/graphql\.json", Execute);
    }

    /// <summary>The shop's one location's numeric id (above 2^53); its GID is <c>gid://shopify/Location/{id}</c>.</summary>
    public long LocationId { get; }

    /// <summary>The throttle the shop enforces.</summary>
    public ShopifyThrottle Throttle { get; }

    /// <summary>The points available in the shop's bucket now, on the fake's clock.</summary>
    public double CurrentlyAvailable => _bucket.Available;

    /// <summary>The GraphQL endpoint of an API version, <c>http://127.0.0.1:{port}/admin/api/{version}/graphql.json</c>.</summary>
    /// <param name="version">The API version, e.g. <c>2026-04</c>.</param>
    /// <returns>The endpoint.</returns>
    public Uri GraphQLAddress(string version = DefaultApiVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return new Uri(BaseAddress, $"admin/api/{version}/graphql.json");
    }

    /// <summary>Starts a fake shop on a free loopback port.</summary>
    /// <param name="accessToken">The only Admin API access token the shop accepts.</param>
    /// <param name="options">Clock, faults and delays; <see langword="null"/> for the defaults.</param>
    /// <param name="throttle">The cost bucket; <see langword="null"/> for <see cref="ShopifyThrottle.Standard"/>.</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static ShopifyFake Start(string accessToken, MarketplaceFakeOptions? options = null, ShopifyThrottle? throttle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        throttle ??= ShopifyThrottle.Standard;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throttle.MaximumAvailable, nameof(throttle));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throttle.RestoreRate, nameof(throttle));
        return new ShopifyFake(accessToken, throttle, options);
    }

    /// <summary>Adds a variant (with its product and inventory item) stocked at the shop's location.</summary>
    /// <param name="foreignNumber">
    /// A <see cref="ForeignNumberLabel.ShopifyVariantId"/> (the variant's numeric id; its SKU becomes <c>SKU-{id}</c>),
    /// a <see cref="ForeignNumberLabel.ShopifyProductId"/> (a product without options, whose one default variant the fake
    /// numbers; its SKU becomes <c>SKU-{product id}</c>) or a <see cref="ForeignNumberLabel.Sku"/> (the fake numbers the variant).
    /// </param>
    /// <param name="stock">The available quantity.</param>
    /// <remarks>Seeding an article that exists sets its stock.</remarks>
    /// <exception cref="ArgumentException">Another label, an id that is not a number, or an id or SKU that another variant has.</exception>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        lock (Gate)
        {
            if (FindVariant(foreignNumber) is { } seeded)
            {
                // Seeding an article again sets its stock, as a stock count in the admin would.
                seeded.Available = stock;
                return;
            }

            long id;
            long? productId = null;
            string sku;
            if (foreignNumber.Label == ForeignNumberLabel.ShopifyVariantId || foreignNumber.Label == ForeignNumberLabel.ShopifyProductId)
            {
                if (!long.TryParse(foreignNumber.Value, NumberStyles.None, CultureInfo.InvariantCulture, out id))
                {
                    throw new ArgumentException($"A Shopify {foreignNumber.Label} is a number, not {foreignNumber.Value}.", nameof(foreignNumber));
                }

                sku = string.Create(CultureInfo.InvariantCulture, $"SKU-{id}");
                Reserve(id);
                if (foreignNumber.Label == ForeignNumberLabel.ShopifyProductId)
                {
                    productId = id;
                    id = NextId();
                }
            }
            else if (foreignNumber.Label == ForeignNumberLabel.Sku)
            {
                id = NextId();
                sku = foreignNumber.Value;
            }
            else
            {
                throw new ArgumentException($"The Shopify fake identifies variants by shopifyvariantid, shopifyproductid or SKU, not by {foreignNumber.Label}.", nameof(foreignNumber));
            }

            if (_variants.Exists(v => v.Id == id || v.Sku == sku))
            {
                throw new ArgumentException($"A variant with id {id} or SKU {sku} exists already.", nameof(foreignNumber));
            }

            _variants.Add(new ShopifyVariant
            {
                Id = id,
                ProductId = productId ?? NextId(),
                InventoryItemId = NextId(),
                Sku = sku,
                Available = stock,
                IsDefaultVariant = productId is not null,
            });
        }
    }

    /// <summary>The available quantity of a variant at the shop's location.</summary>
    /// <param name="foreignNumber">The variant's <c>shopifyvariantid</c> or SKU, or its product's <c>shopifyproductid</c>.</param>
    /// <returns>The quantity, or <see langword="null"/> for an unknown variant.</returns>
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        lock (Gate)
        {
            return FindVariant(foreignNumber)?.Available;
        }
    }

    /// <summary>The variant's ids as the API shows them.</summary>
    /// <param name="foreignNumber">The variant's <c>shopifyvariantid</c> or SKU, or its product's <c>shopifyproductid</c>.</param>
    /// <returns>The variant's, its product's and its inventory item's GIDs, or <see langword="null"/> for an unknown variant.</returns>
    public ShopifyVariantIds? IdsOf(ForeignNumber foreignNumber)
    {
        lock (Gate)
        {
            return FindVariant(foreignNumber) is { } v
                ? new ShopifyVariantIds(ShopifyGid.Of("ProductVariant", v.Id), ShopifyGid.Of("Product", v.ProductId), ShopifyGid.Of("InventoryItem", v.InventoryItemId))
                : null;
        }
    }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(AccessTokenHeader, out var token) && string.Equals(token, _accessToken, StringComparison.Ordinal)
            ? null
            : Json(401, new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) => Json(404, new JsonObject { ["errors"] = "Not Found" });

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        500 => Json(500, new JsonObject { ["errors"] = "Internal Server Error" }),
        503 => Json(503, new JsonObject { ["errors"] = "Service Unavailable" }),
        429 => Json(429, new JsonObject { ["errors"] = "Throttled" }),
        _ => Json(statusCode, new JsonObject { ["errors"] = "Error" }),
    };

    private static FakeResponse Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString());

    private static FakeResponse GraphQLErrors(string message, string code, JsonObject? extensions = null)
    {
        extensions ??= [];
        extensions["code"] = code;
        return Json(200, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = extensions }) });
    }

    private static bool IsAtLeast(FakeCall call, string version)
    {
        var asked = call.RouteValues["version"];

        // "unstable" is ahead of every dated version.
        return asked == "unstable" || string.CompareOrdinal(asked, version) >= 0;
    }

    // Odd numbers only: above 2^53 a double holds only even integers, so every id the fake hands out is one a
    // double-parsing client gets wrong, not just some of them.
    private long NextId()
    {
        var id = _nextId;
        _nextId += 2;
        return id;
    }

    private void Reserve(long id) => _nextId = Math.Max(_nextId, (id + 1) | 1);

    private ShopifyVariant? FindVariant(ForeignNumber foreignNumber)
    {
        if (foreignNumber.Label == ForeignNumberLabel.ShopifyVariantId)
        {
            return long.TryParse(foreignNumber.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _variants.Find(v => v.Id == id) : null;
        }

        if (foreignNumber.Label == ForeignNumberLabel.ShopifyProductId)
        {
            return long.TryParse(foreignNumber.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _variants.Find(v => v.ProductId == id) : null;
        }

        return foreignNumber.Label == ForeignNumberLabel.Sku ? _variants.Find(v => v.Sku == foreignNumber.Value) : null;
    }

    private FakeResponse Execute(FakeCall call)
    {
        if (ShopifyGraphQLRequest.Parse(call.Body) is not { } request)
        {
            return Json(400, new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } });
        }

        var operation = $"graphql.{request.Field}";
        if (Faults.Draw(operation) is { } fault && ActOut(fault, call, request) is { } faulted)
        {
            return faulted;
        }

        return Answer(call, request);
    }

    private FakeResponse? ActOut(FaultKind fault, FakeCall call, ShopifyGraphQLRequest request) => fault switch
    {
        FaultKind.ServerError => ServerFault(500),
        FaultKind.ServiceUnavailable => ServerFault(503),
        FaultKind.TooManyRequests => ServerFault(429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } },
        FaultKind.MalformedJson => new FakeResponse(200, "<html><body><h1>There was an error processing your request.</h1></body></html>") { ContentType = "text/html; charset=utf-8" },
        FaultKind.TruncatedJson => Answer(call, request) is var whole && whole.Body is { } body ? whole with { Body = body[..(body.Length / 2)] } : whole,

        // Dropped connections and delays cannot be acted out from inside a route: schedule them on "graphql".
        _ => null,
    };

    private FakeResponse Answer(FakeCall call, ShopifyGraphQLRequest request)
    {
        if (request.IsMutation && request.IdempotencyKey is { } key && _idempotent.TryGetValue($"{request.Field}\n{key}", out var earlier))
        {
            if (earlier.Fingerprint == request.Fingerprint)
            {
                // The same key and the same parameters: Shopify answers as the first time and changes nothing.
                return earlier.Response;
            }

            if (request.Field == "inventorySetQuantities")
            {
                var mismatch = UserError("The same idempotency key cannot be used with different operation parameters.", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", "input");
                return Json(200, new JsonObject
                {
                    ["data"] = new JsonObject { [request.ResponseKey] = new JsonObject { ["inventoryAdjustmentGroup"] = null, ["userErrors"] = new JsonArray(mismatch) } },
                    ["extensions"] = Cost(MutationCost, MutationCost),
                });
            }
        }

        Func<FakeCall, ShopifyGraphQLRequest, (JsonNode? Data, int ActualCost)>? resolver = (request.IsMutation, request.Field) switch
        {
            (false, "shop") => Shop,
            (false, "location") => Location,
            (false, "locations") => Locations,
            (false, "productVariants") => ProductVariants,
            (false, "productVariant") => ProductVariant,
            (false, "product") => Product,
            (false, "inventoryItem") => InventoryItem,
            (false, "orders") => Orders,
            (false, "order") => Order,
            (false, "fulfillmentOrder") => FulfillmentOrder,
            (true, "inventorySetQuantities") => SetQuantities,
            (true, "fulfillmentCreate") => CreateFulfillment,
            _ => null,
        };
        if (resolver is null)
        {
            var type = request.IsMutation ? "Mutation" : "QueryRoot";
            return GraphQLErrors($"Field '{request.Field}' doesn't exist on type '{type}'", "undefinedField", new JsonObject { ["typeName"] = type, ["fieldName"] = request.Field });
        }

        if (Precheck(call, request) is { } refusal)
        {
            return refusal;
        }

        var requested = request.RequestedCost;
        if (request.Root?.UnboundedConnection(request.Variables) is { } path)
        {
            // Shopify's own client tests show this answer: no data, the error without a code, and the cost charged.
            _bucket.TryTake(Math.Min(requested, _bucket.Available), out _);
            return Json(200, new JsonObject
            {
                ["data"] = null,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = "you must provide one of first or last", ["path"] = new JsonArray([.. path.Select(p => (JsonNode)p)]) }),
                ["extensions"] = Cost(requested, requested),
            });
        }

        var maxCost = Math.Min(SingleQueryMaxCost, Throttle.MaximumAvailable);
        if (requested > maxCost)
        {
            // A query that could never fit is refused outright rather than throttled forever. Only the code and the
            // message are reported from live answers; no extension fields beyond the code are promised.
            return GraphQLErrors(
                string.Create(CultureInfo.InvariantCulture, $"Query cost is {requested}, which exceeds the single query max cost limit ({maxCost})."),
                "MAX_COST_EXCEEDED");
        }

        if (_bucket.Available < requested)
        {
            var throttled = new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["message"] = "Throttled",
                    ["extensions"] = new JsonObject { ["code"] = "THROTTLED" },
                }),
                ["extensions"] = Cost(requested, actual: null),
            };
            return Json(200, throttled);
        }

        var (data, actual) = resolver(call, request);
        if (request.Root?.Find("inventoryLevel") is { } levelField)
        {
            AddInventoryLevel(data, levelField.Argument("locationId", request.Variables) is JsonValue l && l.TryGetValue<string>(out var location) ? location : null);
        }
        if (actual > 0)
        {
            _bucket.TryTake(Math.Min(actual, requested), out _);
        }

        var response = Json(200, new JsonObject { ["data"] = new JsonObject { [request.ResponseKey] = data }, ["extensions"] = Cost(requested, Math.Min(actual, requested)) });
        if (request.IsMutation && request.IdempotencyKey is { } newKey)
        {
            _idempotent[$"{request.Field}\n{newKey}"] = (request.Fingerprint, response);
        }

        return response;
    }

    private static FakeResponse? Precheck(FakeCall call, ShopifyGraphQLRequest request)
    {
        if (request.Field == "inventorySetQuantities" && IsAtLeast(call, "2026-04"))
        {
            // From 2026-04 the directive is required on inventory mutations; without it nothing runs.
            if (request.IdempotencyKey is null)
            {
                return GraphQLErrors("The @idempotent directive is required for this mutation.", "BAD_REQUEST");
            }

            // So is changeFromQuantity on every quantity: leaving it out fails validation before anything runs;
            // only an explicit null skips the check.
            var quantities = (request.Argument("input") as JsonObject)?["quantities"] as JsonArray ?? [];
            for (var i = 0; i < quantities.Count; i++)
            {
                if (quantities[i] is JsonObject entry && !entry.ContainsKey("changeFromQuantity"))
                {
                    return GraphQLErrors(
                        string.Create(CultureInfo.InvariantCulture, $"Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities.{i}.changeFromQuantity (Expected value to be present; pass null to skip the check)"),
                        "INVALID_VARIABLE");
                }
            }
        }

        // Without first (and last) the connection is refused as every unbounded connection is, after this check.
        if (request.Field is "orders" or "locations" or "productVariants" && request.IntArgument("first") is { } first && first is not (> 0 and <= MaxPageSize))
        {
            return GraphQLErrors($"The 'first' argument of '{request.Field}' must be between 1 and {MaxPageSize}.", "BAD_REQUEST");
        }

        return null;
    }

    private JsonObject Cost(int requested, int? actual) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = new JsonObject
            {
                ["maximumAvailable"] = Throttle.MaximumAvailable,
                ["currentlyAvailable"] = (int)Math.Floor(_bucket.Available),
                ["restoreRate"] = Throttle.RestoreRate,
            },
        },
    };
}
