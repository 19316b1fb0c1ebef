using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <summary>
/// A Shopware 6 shop on loopback that serves the Admin API (<c>/api</c>) in Shopware's own shapes: OAuth2 client
/// credentials at <c>/api/oauth/token</c> (bearer tokens valid 3600 s), the search API for products, orders, currencies
/// and customer groups with Criteria (filters, sorting, associations, <c>total-count-mode</c>), the sync API for product
/// stock and prices (one transaction: one bad record rolls back the batch), tracking codes on the order delivery and the
/// delivery's state machine (<c>ship</c>, <c>ship_partially</c>, …), errors as <c>{"errors":[{status, code, title, detail}]}</c>.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="Start"/>; point the connector at <see cref="WireMockMarketplaceFake.BaseAddress"/>.</para>
/// <para>
/// Articles are identified by their <c>productNumber</c>: a seeded foreign number's value is the product number, whatever
/// its label (under the SDK's identity rule the label is <c>articlenumber</c>). The Admin API documents no rate limit, so
/// the fake enforces none unless the options give one. Only the plain JSON shape (<c>Accept: application/json</c>) of the
/// search API is modelled; a search asking for JSON:API is refused with 406.
/// </para>
/// </remarks>
public sealed partial class ShopwareFake : WireMockMarketplaceFake, IPriceFake
{
    /// <summary>Shopware's id of the system default currency (<c>Defaults::CURRENCY</c>).</summary>
    public const string DefaultCurrencyId = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    /// <summary>The id of the installer's "Standard customer group" (<c>TestDefaults::FALLBACK_CUSTOMER_GROUP</c>).</summary>
    public const string StandardCustomerGroupId = "cfbd5018d38d41d8adca10d94fc8bdd6";

    /// <summary>How long an access token is valid, as <c>expires_in</c> says: 3600 seconds.</summary>
    public static readonly Duration TokenLifetime = Duration.FromSeconds(3600);

    private static readonly InstantPattern ShopwareDate = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'+00:00'");
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly Dictionary<string, Instant> _tokens = new(StringComparer.Ordinal);
    private readonly List<ShopwareProduct> _products = [];
    private readonly List<ShopwareOrder> _orders = [];
    private readonly List<string> _indexingBehaviors = [];
    private int _nextId = 1;

    private ShopwareFake(ShopwareCredentials credentials, MarketplaceFakeOptions? options)
        : base(options)
    {
        Credentials = credentials;
        Map("oauth.token", "POST", "/api/oauth/token", IssueToken);
        Map("info.version", "GET", "/api/_info/version", _ => Json(200, new JsonObject { ["version"] = Version }));
        Map("currency.search", "POST", "/api/search/currency", SearchCurrencies);
        Map("customer-group.search", "POST", "/api/search/customer-group", SearchCustomerGroups);
        MapProducts();
        MapOrders();
    }

    /// <summary>The access key the shop accepts.</summary>
    public ShopwareCredentials Credentials { get; }

    /// <summary>The version <c>GET /api/_info/version</c> names.</summary>
    public string Version { get; set; } = "6.6.10.0";

    /// <summary>The ISO code of the system default currency; EUR unless set.</summary>
    public CurrencyCode Currency { get; set; } = CurrencyCode.Eur;

    /// <summary>
    /// The Standard customer group's <c>displayGross</c>: whether the storefront shows (and the shop owner enters)
    /// gross prices. True by default, as the installer sets it.
    /// </summary>
    public bool DisplayGross { get; set; } = true;

    /// <inheritdoc />
    public PriceBasis? Basis => DisplayGross ? PriceBasis.Gross : PriceBasis.Net;

    /// <summary>The <c>indexing-behavior</c> header of each sync request, in order (empty text when none was sent).</summary>
    public IReadOnlyList<string> IndexingBehaviors
    {
        get
        {
            lock (Gate)
            {
                return [.. _indexingBehaviors];
            }
        }
    }

    /// <summary>Starts a fake shop on a free loopback port.</summary>
    /// <param name="credentials">The only access key the shop accepts.</param>
    /// <param name="options">Clock, faults, delays and rate limit; <see langword="null"/> for the defaults (no limit).</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    public static ShopwareFake Start(ShopwareCredentials credentials, MarketplaceFakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new ShopwareFake(credentials, options);
    }

    /// <summary>Makes every access token issued so far invalid, as if it had expired.</summary>
    public void ExpireTokens()
    {
        lock (Gate)
        {
            _tokens.Clear();
        }
    }

    /// <summary>How many access tokens the shop issued.</summary>
    public int TokensIssued { get; private set; }

    /// <inheritdoc />
    protected override FakeResponse? Authorize(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Operation is "oauth.token")
        {
            return null;
        }

        var header = request.Headers.GetValueOrDefault("Authorization") ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (token is not null && _tokens.TryGetValue(token, out var expires) && Clock.GetCurrentInstant() < expires)
        {
            return null;
        }

        // league/oauth2-server's accessDenied (error code 9) as Shopware's error response factory renders it.
        return Error(401, "9", "Unauthorized", "The resource owner or authorization server denied the request.", new JsonObject { ["hint"] = token is null ? "Missing \"Authorization\" header" : "Access token could not be verified" });
    }

    /// <summary>
    /// A sync request draws its fault under <c>sync.stock</c> when it writes stock and <c>sync.price</c> when it writes
    /// prices (a rule for <c>sync</c> matches both), so a test can break one feature's writes and not the other's.
    /// </summary>
    /// <param name="operation">The route's operation.</param>
    /// <param name="body">The request body.</param>
    /// <returns>The operation the fault plan draws under.</returns>
    protected override string FaultOperationOf(string operation, string? body) => operation switch
    {
        "sync" when body?.Contains("\"stock\"", StringComparison.Ordinal) == true => "sync.stock",
        "sync" when body?.Contains("\"price\"", StringComparison.Ordinal) == true => "sync.price",
        _ => operation,
    };

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) =>
        Error(404, "FRAMEWORK__ROUTE_NOT_FOUND", "Not Found", $"No route found for \"{request.Method} {request.Path}\"");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        500 => Error(500, "0", "Internal Server Error", "An error occurred."),
        503 => Error(503, "0", "Service Unavailable", "The server is temporarily unavailable."),
        429 => Error(429, "0", "Too Many Requests", "Too many requests."),
        _ => Error(statusCode, "0", "Error", "An error occurred."),
    };

    private static FakeResponse Json(int statusCode, JsonNode body) => new(statusCode, body.ToJsonString(Compact));

    /// <summary>Shopware's error body: <c>{"errors":[{"status","code","title","detail","meta"}]}</c>.</summary>
    private static FakeResponse Error(int statusCode, string code, string title, string detail, JsonObject? meta = null, string? pointer = null)
    {
        var error = new JsonObject
        {
            ["status"] = statusCode.ToString(CultureInfo.InvariantCulture),
            ["code"] = code,
            ["title"] = title,
            ["detail"] = detail,
        };
        if (pointer is not null)
        {
            error["source"] = new JsonObject { ["pointer"] = pointer };
        }

        if (meta is not null)
        {
            error["meta"] = meta;
        }

        return Json(statusCode, new JsonObject { ["errors"] = new JsonArray(error) });
    }

    private static FakeResponse Errors(int statusCode, IEnumerable<JsonObject> errors) =>
        Json(statusCode, new JsonObject { ["errors"] = new JsonArray([.. errors]) });

    private static JsonObject? ParseObject(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Date(Instant instant) => ShopwareDate.Format(instant);

    // A search answers the plain JSON shape only for Accept: application/json; the default (JSON:API) is not modelled.
    private static FakeResponse? NotPlainJson(FakeCall request) =>
        (request.Headers.GetValueOrDefault("Accept") ?? string.Empty).Contains("application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : Error(406, "FRAMEWORK__UNSUPPORTED_MEDIA_TYPE", "Not Acceptable", "The fake serves the search API's plain JSON shape only; send Accept: application/json.");

    private static FakeResponse SearchResult(FakeCall request, ShopwareCriteria criteria, IEnumerable<JsonObject> all)
    {
        var matching = criteria.Sorted(all.Where(criteria.Matches)).ToList();
        var limit = criteria.Limit ?? matching.Count;
        var page = matching.Skip(Math.Max(0, criteria.Page - 1) * limit).Take(limit).ToList();

        // Without total-count-mode 1 the total is the page's count, as Shopware's default (mode 0, none) answers.
        var total = criteria.ExactTotal ? matching.Count : page.Count;
        return Json(200, new JsonObject
        {
            ["total"] = total,
            ["data"] = new JsonArray([.. page]),
            ["aggregations"] = new JsonArray(),
        });
    }

    private static ShopwareCriteria? ReadCriteria(FakeCall request, out FakeResponse? refusal)
    {
        refusal = NotPlainJson(request);
        if (refusal is not null)
        {
            return null;
        }

        var criteria = ShopwareCriteria.Parse(request.Body, out var problem);
        if (criteria is null)
        {
            refusal = Error(400, "FRAMEWORK__INVALID_CRITERIA", "Bad Request", problem);
            return null;
        }

        if (criteria.FilterProblem() is { } filterProblem)
        {
            refusal = Error(400, "FRAMEWORK__INVALID_FILTER_QUERY", "Bad Request", filterProblem);
            return null;
        }

        if (criteria.Limit is < 1 || criteria.Page < 1)
        {
            refusal = Error(400, "FRAMEWORK__INVALID_LIMIT_QUERY", "Bad Request", "The limit and page parameters must be positive integers.");
            return null;
        }

        return criteria;
    }

    private FakeResponse IssueToken(FakeCall request)
    {
        var body = ParseObject(request.Body);
        var grant = (string?)body?["grant_type"];
        if (grant != "client_credentials")
        {
            return Error(400, "2", "Bad Request", "The authorization grant type is not supported by the authorization server.", new JsonObject { ["error"] = "unsupported_grant_type" });
        }

        if ((string?)body!["client_id"] != Credentials.ClientId || (string?)body["client_secret"] != Credentials.ClientSecret)
        {
            // league/oauth2-server's invalidClient (error code 4, 401).
            return Error(401, "4", "Unauthorized", "Client authentication failed", new JsonObject { ["error"] = "invalid_client" });
        }

        var token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = Clock.GetCurrentInstant() + TokenLifetime;
        TokensIssued++;
        return Json(200, new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = (int)TokenLifetime.TotalSeconds, ["access_token"] = token });
    }

    private FakeResponse SearchCurrencies(FakeCall request)
    {
        var criteria = ReadCriteria(request, out var refusal);
        return criteria is null
            ? refusal!
            : SearchResult(request, criteria, [new JsonObject { ["id"] = DefaultCurrencyId, ["isoCode"] = Currency.Value, ["factor"] = 1, ["symbol"] = "€", ["itemRounding"] = new JsonObject { ["decimals"] = 2, ["interval"] = 0.01, ["roundForNet"] = true } }]);
    }

    private FakeResponse SearchCustomerGroups(FakeCall request)
    {
        var criteria = ReadCriteria(request, out var refusal);
        return criteria is null
            ? refusal!
            : SearchResult(request, criteria, [new JsonObject { ["id"] = StandardCustomerGroupId, ["name"] = "Standard customer group", ["displayGross"] = DisplayGross }]);
    }

    private string NewId() => (_nextId++).ToString("x32", CultureInfo.InvariantCulture);

    private static string ProductNumberOf(ForeignNumber foreignNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        return foreignNumber.Value;
    }
}
