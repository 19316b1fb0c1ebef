using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
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
/// Start one with <see cref="Start"/>; point the connector at <see cref="GraphQLAddress"/>. The fake runs a GraphQL
/// engine over the subset of Shopify's Admin schema it serves (<c>ShopifyFake.Schema.cs</c>): the document is parsed
/// (operations and <c>operationName</c>, several root fields, aliases at every level, named and inline fragments,
/// variables with defaults, <c>@include</c>/<c>@skip</c>), validated and executed, so an answer holds exactly the
/// fields selected, under their aliases, with <c>__typename</c>. An unknown field, argument, fragment or directive, a
/// literal or variable of the wrong type, a missing required variable or argument and a parse error are refused as
/// Shopify refuses them: <c>errors[{message, locations, path, extensions: {code}}]</c> and no <c>data</c>.
/// Connections page by <c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>/<c>reverse</c> at every level, with
/// <c>edges</c>, <c>nodes</c> and <c>pageInfo</c>. Every answer carries <c>X-Shopify-API-Version</c>, the version it was
/// served in (<see cref="SupportedApiVersions"/>; any other falls forward to the oldest).
/// </para>
/// <para>
/// Root fields: <c>shop</c>, <c>location</c>, <c>locations</c>, <c>productVariants(query: "sku:…")</c>,
/// <c>productVariant</c>, <c>product</c>, <c>inventoryItem</c>, <c>inventoryItems(query: "sku:…")</c>,
/// <c>orders(query, sortKey, reverse)</c> (<c>query</c> understands <c>updated_at:&gt;…</c>, <c>&gt;=</c>, <c>&lt;</c>,
/// <c>&lt;=</c> and <c>name:…</c>), <c>order</c>, <c>fulfillmentOrder</c>; mutations <c>inventorySetQuantities</c>,
/// <c>inventoryAdjustQuantities</c> and <c>fulfillmentCreate</c>. From API version 2026-04 the inventory mutations need
/// <c>@idempotent(key:)</c> and every line <c>changeFromQuantity</c> (an explicit null skips the check, a mismatch is
/// <c>CHANGE_FROM_QUANTITY_STALE</c>); in 2026-01 a given <c>changeFromQuantity</c> overrides <c>compareQuantity</c>;
/// before, <c>compareQuantity</c> (<c>COMPARE_QUANTITY_REQUIRED</c> unless <c>ignoreCompareQuantity</c>,
/// <c>COMPARE_QUANTITY_STALE</c>). A repeated idempotency key with the same arguments replays the first result and
/// changes nothing; with others it is <c>IDEMPOTENCY_KEY_PARAMETER_MISMATCH</c>. <c>fulfillmentCreate</c> takes
/// <c>lineItemsByFulfillmentOrder</c> (no line items: all that remains) and <c>trackingInfo</c>.
/// </para>
/// <para>
/// Faults: the plan is consulted once per request, under <c>graphql.{field}</c> for the first root field of the
/// operation (a rule for <c>graphql</c> matches every GraphQL request). The request log names every GraphQL request
/// <c>graphql</c>. Unknown paths answer 404; a missing or wrong token answers 401 with Shopify's body
/// <c>{"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}</c>; a body that is not
/// <c>{"query": …}</c> answers 400.
/// </para>
/// <para>
/// Throttle (<see cref="ShopifyThrottle"/>): the requested cost is priced from the selection by Shopify's published
/// rules (a scalar or enum 0, an object 1, a connection 2 plus <c>first</c> or <c>last</c> times one node's cost, a list
/// of objects with <c>first</c> that many, a mutation 10); the actual cost counts what was returned the same way. A
/// request needs its requested cost available and pays the actual cost. A connection without <c>first</c> or
/// <c>last</c> is refused with <c>"you must provide one of first or last"</c> and its cost charged; a request above
/// 1000 points (or the bucket) with <c>MAX_COST_EXCEEDED</c>; one that does not fit now with HTTP 200 and
/// <c>errors[{message: "Throttled", extensions: {code: "THROTTLED"}}]</c>, <c>actualQueryCost: null</c>. Every answer
/// carries <c>extensions.cost</c>. Every id the fake hands out is an odd number above 2^53, which no double holds.
/// </para>
/// </remarks>
public sealed partial class ShopifyFake : WireMockMarketplaceFake
{
    /// <summary>The API version the fake assumes when a test does not name one.</summary>
    public const string DefaultApiVersion = "2026-04";

    private const string AccessTokenHeader = "X-Shopify-Access-Token";


    private readonly TokenBucket _bucket;
    private readonly List<ShopifyVariant> _variants = [];
    private readonly List<ShopifyOrder> _orders = [];
    private readonly Dictionary<string, (string Fingerprint, JsonObject Result)> _idempotent = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _productTitles = [];
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
                Title = "Default Title",
                Available = stock,
                IsDefaultVariant = productId is not null,
            });
        }
    }

    /// <summary>
    /// Adds a product with several variants, each with its own SKU, inventory item and stock at the shop's location,
    /// as a product with options has them on Shopify (its <c>hasOnlyDefaultVariant</c> is false).
    /// </summary>
    /// <param name="title">The product's title.</param>
    /// <param name="variants">Each variant's SKU and available quantity, in the order the product lists them; at least one.</param>
    /// <returns>The ids of the variants, in the same order.</returns>
    /// <exception cref="ArgumentException">No variants, an empty SKU, or a SKU another variant has.</exception>
    public IReadOnlyList<ShopifyVariantIds> SeedProduct(string title, params IReadOnlyList<(string Sku, int Stock)> variants)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException($"Product {title} needs at least one variant.", nameof(variants));
        }

        lock (Gate)
        {
            foreach (var (sku, _) in variants)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(sku, nameof(variants));
                if (_variants.Exists(v => v.Sku == sku) || variants.Count(x => x.Sku == sku) > 1)
                {
                    throw new ArgumentException($"A variant with SKU {sku} exists already.", nameof(variants));
                }
            }

            var productId = NextId();
            _productTitles[productId] = title;
            var seeded = new List<ShopifyVariantIds>();
            foreach (var (sku, stock) in variants)
            {
                var variant = new ShopifyVariant
                {
                    Id = NextId(),
                    ProductId = productId,
                    InventoryItemId = NextId(),
                    Sku = sku,
                    Title = sku,
                    Available = stock,
                    IsDefaultVariant = false,
                };
                _variants.Add(variant);
                seeded.Add(new ShopifyVariantIds(ShopifyGid.Of("ProductVariant", variant.Id), ShopifyGid.Of("Product", productId), ShopifyGid.Of("InventoryItem", variant.InventoryItemId)));
            }

            return seeded;
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

    /// <inheritdoc />
    protected override FakeResponse MalformedAnswer() =>
        new(200, "<html><body><h1>There was an error processing your request.</h1></body></html>") { ContentType = "text/html; charset=utf-8" };

    // Unescaped as Shopify writes it: a message's apostrophes stay apostrophes.
    private static readonly JsonSerializerOptions AnswerFormat = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static FakeResponse Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString(AnswerFormat));

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
}
