using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>
/// An Amazon seller on loopback that serves the Selling Partner API in Amazon's own shapes, written from
/// Amazon's published API models and developer guide: the Login with Amazon token exchange, the Orders API v0
/// (orders paged with <c>NextToken</c>, one order, its items, shipment confirmation) and the Listings Items API
/// 2021-08-01 (one listing read, quantity through <c>fulfillment_availability</c>, the offer price through
/// <c>purchasable_offer</c>), each operation throttled by its own usage plan.
/// </summary>
/// <remarks>
/// <para>
/// Start one with <see cref="Start"/>. The same server plays both hosts: exchange the refresh token at
/// <see cref="TokenAddress"/> (in production <c>https://api.amazon.com/auth/o2/token</c>; a form or a JSON body) and call the SP-API at
/// <see cref="WireMockMarketplaceFake.BaseAddress"/> (in production the region endpoint, e.g.
/// <c>https://sellingpartnerapi-eu.amazon.com</c>) with the token in <c>x-amz-access-token</c>. Access tokens
/// live 3600 seconds on the fake's clock; a missing, unknown or expired token is refused with 403
/// <c>Unauthorized</c> in the SP-API error shape, its <c>details</c> in Amazon's words for each case. The fake does not check AWS Signature Version 4, which
/// Amazon no longer requires.
/// </para>
/// <para>
/// Rate limits: every operation has its own token bucket with the rate and burst of
/// <see cref="AmazonUsagePlans"/>, refilled on <see cref="MarketplaceFakeOptions.Clock"/>. Over the limit the
/// answer is 429 with the <c>QuotaExceeded</c> body and no <c>Retry-After</c> (Amazon documents none). 2xx, 400
/// and 404 answers carry <c>x-amzn-RateLimit-Limit</c>; 401, 403 and 429 answers do not, as Amazon's usage-plan
/// guide says. Every SP-API answer carries <c>x-amzn-RequestId</c>. A <see cref="MarketplaceFakeOptions.RateLimit"/>
/// applies on top of the usage plans, before them.
/// </para>
/// <para>Faults: every operation of <see cref="AmazonOperations"/> consults the fault plan under its name.</para>
/// <para>
/// Not modelled: other APIs, operations and versions answer 404 <c>ResourceNotFound</c> with <c>details</c> naming
/// what the fake serves; <c>getOrders</c> filters its orders have no data for (<c>BuyerEmail</c>, <c>SellerOrderId</c>,
/// the delivery dates and the like) answer 400 <c>InvalidInput</c> naming the filter. docs/testing.md lists the rest.
/// </para>
/// <para>
/// Articles: a <c>SKU_FBM</c> foreign number is a merchant-fulfilled (MFN) listing whose quantity the seller
/// sets; a <c>SKU_FBA</c> one is fulfilled by Amazon (AFN): its stock is what Amazon counts in its warehouses.
/// A quantity patch for an FBA SKU is answered 200 with status <c>INVALID</c> and an <c>ERROR</c> issue and
/// changes nothing — the fake's choice: Amazon's models document no outcome for it, and a connector must
/// never push stock for FBA SKUs, so the fake makes the mistake visible without failing the whole call.
/// </para>
/// </remarks>
public sealed partial class AmazonSellingPartnerFake : WireMockMarketplaceFake
{
    /// <summary>The path of the LWA token endpoint.</summary>
    public const string TokenPath = "auth/o2/token";

    /// <summary>The marketplace id the fake's orders belong to unless seeded otherwise: Amazon.de.</summary>
    public const string DefaultMarketplaceId = "A1PN6IFQEWUF5Q";

    private static readonly Duration AccessTokenLifetime = Duration.FromSeconds(3600);
    private static readonly Dictionary<string, string> ServedVersions = new(StringComparer.Ordinal) { ["orders"] = "v0", ["listings"] = "2021-08-01" };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly Dictionary<string, Instant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly List<AmazonListing> _listings = [];
    private readonly List<AmazonOrder> _orders = [];
    private long _nextTokenNumber = 1;
    private long _nextRequestId;

    private AmazonSellingPartnerFake(AmazonCredentials credentials, MarketplaceFakeOptions? options, string marketplaceId, CurrencyCode currency)
        : base(options)
    {
        Credentials = credentials;
        PriceMarketplaceId = marketplaceId;
        Currency = currency;
        foreach (var (operation, plan) in AmazonUsagePlans.ByOperation)
        {
            _buckets[operation] = new TokenBucket(plan.Burst, plan.Rate, Clock);
        }

        Map(AmazonOperations.LwaToken, "POST", "/" + TokenPath, ExchangeToken);
        MapOrders();
        MapListings();
    }

    /// <summary>The application's and seller's credentials the fake accepts.</summary>
    public AmazonCredentials Credentials { get; }

    /// <summary>The LWA token endpoint, <c>http://127.0.0.1:{port}/auth/o2/token</c>.</summary>
    public Uri TokenAddress => new(BaseAddress, TokenPath);

    /// <summary>Starts a fake seller account on a free loopback port.</summary>
    /// <param name="credentials">The only client id, client secret, refresh token and seller id the fake accepts.</param>
    /// <param name="options">Clock, faults and delays; <see langword="null"/> for the defaults.</param>
    /// <param name="marketplaceId">
    /// The marketplace seeded listings are priced in and <see cref="PriceOf"/> reads, which decides <see cref="Currency"/>:
    /// Amazon.de (EUR) unless told, e.g. <c>A1F83G8C2ARO7P</c> for Amazon.co.uk (GBP).
    /// </param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">A credential is empty, or the marketplace id is not one the fake knows the currency of.</exception>
    public static AmazonSellingPartnerFake Start(AmazonCredentials credentials, MarketplaceFakeOptions? options = null, string marketplaceId = DefaultMarketplaceId)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.ClientId, nameof(credentials));
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.ClientSecret, nameof(credentials));
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.RefreshToken, nameof(credentials));
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.SellerId, nameof(credentials));
        var currency = AmazonMarketplaceCurrency.Of(marketplaceId)
            ?? throw new ArgumentException($"Marketplace id '{marketplaceId}' is not one the Amazon fake knows the currency of.", nameof(marketplaceId));
        return new AmazonSellingPartnerFake(credentials, options, marketplaceId, currency);
    }

    /// <summary>
    /// Lists a seller SKU: merchant-fulfilled for <c>SKU_FBM</c>, fulfilled by Amazon for <c>SKU_FBA</c>, with a consumer
    /// offer of 19.99 in <see cref="Currency"/> on <see cref="PriceMarketplaceId"/>. Seeding a listed SKU again with the same
    /// fulfilment sets its quantity (the seller's listing is one per SKU).
    /// </summary>
    /// <param name="foreignNumber">The seller SKU, labelled <see cref="ForeignNumberLabel.SkuFbm"/> or <see cref="ForeignNumberLabel.SkuFba"/>.</param>
    /// <param name="stock">The quantity: for FBM what the seller offers, for FBA what Amazon holds in its warehouses.</param>
    /// <exception cref="ArgumentException">The label is neither, or the SKU is listed with the other fulfilment (a seller SKU is unique per seller).</exception>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        var (sku, byAmazon) = SkuOf(foreignNumber);
        lock (Gate)
        {
            if (_listings.Find(l => l.Sku == sku) is { } listed)
            {
                if (listed.FulfilledByAmazon != byAmazon)
                {
                    throw new ArgumentException($"SKU {sku} is listed already as {(listed.FulfilledByAmazon ? "SKU_FBA" : "SKU_FBM")}; a seller SKU is unique per seller.", nameof(foreignNumber));
                }

                listed.Quantity = stock;
                listed.LastUpdatedDate = Clock.GetCurrentInstant();
                return;
            }

            var asin = string.Create(CultureInfo.InvariantCulture, $"B0{_listings.Count + 1:D8}");
            var now = Clock.GetCurrentInstant();
            var listing = new AmazonListing { Sku = sku, Asin = asin, FulfilledByAmazon = byAmazon, Quantity = stock, CreatedDate = now, LastUpdatedDate = now };
            listing.Attributes[PurchasableOfferAttribute] = new JsonArray(OfferJson(PriceMarketplaceId, Currency, decimal.Round(SeededPrice, Currency.MinorUnitDecimals)));
            _listings.Add(listing);
        }
    }

    /// <summary>The quantity of a listing: the seller's for FBM, Amazon's warehouse count for FBA.</summary>
    /// <param name="foreignNumber">The seller SKU with its label.</param>
    /// <returns>The quantity; <see langword="null"/> for an unknown SKU or one listed with the other fulfilment.</returns>
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        var (sku, byAmazon) = SkuOf(foreignNumber);
        lock (Gate)
        {
            return _listings.Find(l => l.Sku == sku && l.FulfilledByAmazon == byAmazon)?.Quantity;
        }
    }

    /// <inheritdoc />
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber) is { } order ? AmazonOrderStatus.ToSdk(order.Status) : null;
        }
    }

    /// <summary>The confirmed shipments of an order, one per accepted <c>confirmShipment</c> call, oldest first.</summary>
    /// <param name="orderNumber">The AmazonOrderId.</param>
    /// <returns>The shipments; the carrier is the <c>carrierCode</c>, or the <c>carrierName</c> for code <c>Other</c>.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            return FindOrder(orderNumber)?.Shipments.ToArray() ?? [];
        }
    }

    /// <summary>Every order as <c>getOrder</c> would answer it in <c>payload</c> (copies), in seeding order.</summary>
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
        if (request.Operation == AmazonOperations.LwaToken)
        {
            return null;
        }

        // Amazon's wording in details: clients match it (amazon-sp-api refreshes on /access token.*expired/), so
        // each case keeps its own sentence.
        if (!request.Headers.TryGetValue("x-amz-access-token", out var token) || token.Length == 0)
        {
            return AccessDenied("Access token is missing in the request header.");
        }

        if (!_accessTokens.TryGetValue(token, out var expiresAt))
        {
            return AccessDenied("The access token you provided is revoked, malformed or invalid.");
        }

        return Clock.GetCurrentInstant() >= expiresAt ? AccessDenied("The access token you provided has expired.") : null;
    }

    /// <summary>
    /// Amazon's answer to a path it has no resource for (404 <c>ResourceNotFound</c>, "Cannot find resource by the
    /// given URI"), with <c>details</c> saying what the fake serves instead: the version it serves when the path names
    /// another version of an API it has, else the list of what it models.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    protected override FakeResponse NoRoute(FakeCall request)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Served = "The Amazon fake serves POST /auth/o2/token (LWA), the Orders API v0 (getOrders, getOrder, getOrderItems, "
            + "confirmShipment) and the Listings Items API 2021-08-01 (getListingsItem, patchListingsItem); see docs/testing.md.";
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var hint = segments.Length >= 2 && ServedVersions.TryGetValue(segments[0], out var version) && segments[1] != version
            ? $"{request.Method} {request.Path}: the fake serves the {segments[0]} API in version {version} only, not {segments[1]}. {Served}"
            : $"{request.Method} {request.Path} is not modelled. {Served}";
        return Errors(404, "ResourceNotFound", "Cannot find resource by the given URI", hint);
    }

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        // The models' 500 and 503 examples carry the ErrorList shape; these codes are the fake's words.
        500 => Errors(500, "InternalFailure", "We encountered an internal error. Please try again."),
        503 => Errors(503, "ServiceUnavailable", "Service temporarily unavailable. Please try again."),
        429 => QuotaExceeded(),
        _ => Errors(statusCode, "InternalFailure", "Error."),
    };

    /// <summary>Amazon's 429: the <c>QuotaExceeded</c> body without <c>Retry-After</c>, which Amazon does not document.</summary>
    /// <param name="retryAfter">Ignored: Amazon tells the client nothing about when to retry.</param>
    /// <returns>The answer.</returns>
    protected override FakeResponse TooManyRequests(Duration retryAfter) => QuotaExceeded();

    /// <summary>Masks the LWA secrets too, should a client ever put them into a query string.</summary>
    /// <param name="pathAndQuery">The path and query as received.</param>
    /// <returns>The path and query to log.</returns>
    protected override string MaskSecrets(string pathAndQuery) =>
        LwaSecretParameter().Replace(base.MaskSecrets(pathAndQuery), "$1***");

    [GeneratedRegex(@"([?&](?:refresh_token|x-amz-access-token|client_id)=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LwaSecretParameter();

    private static (string Sku, bool FulfilledByAmazon) SkuOf(ForeignNumber foreignNumber)
    {
        var byAmazon = foreignNumber.Label == ForeignNumberLabel.SkuFba;
        if (!byAmazon && foreignNumber.Label != ForeignNumberLabel.SkuFbm)
        {
            throw new ArgumentException($"The Amazon fake identifies articles by SKU_FBM or SKU_FBA, not by {foreignNumber.Label}.", nameof(foreignNumber));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        return (foreignNumber.Value, byAmazon);
    }

    private static FakeResponse Json(int statusCode, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, body.ToJsonString(Compact), headers);

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

    private static string Iso(Instant instant) => InstantPattern.General.Format(instant);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static JsonObject Money(string currency, decimal amount) => new() { ["CurrencyCode"] = currency, ["Amount"] = Amount(amount) };

    private FakeResponse Errors(int statusCode, string code, string message, string? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details is not null)
        {
            error["details"] = details;
        }

        var headers = RequestIdHeader();
        if (statusCode == 400)
        {
            // The developer guide's 400 example ("Response format") carries the error type beside the request id.
            headers["x-amzn-ErrorType"] = "ValidationException";
        }

        return Json(statusCode, new JsonObject { ["errors"] = new JsonArray(error) }, headers);
    }

    private FakeResponse AccessDenied(string details) => Errors(403, "Unauthorized", "Access to requested resource is denied.", details);

    private FakeResponse QuotaExceeded() => Errors(429, "QuotaExceeded", "You exceeded your quota for the requested resource.");

    private Dictionary<string, string> RequestIdHeader() => new(StringComparer.OrdinalIgnoreCase)
    {
        // Counted, not random, so that a failing test replays with the same ids; fault answers come from outside the
        // gate, hence the interlocked count.
        ["x-amzn-RequestId"] = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{Interlocked.Increment(ref _nextRequestId):x12}"),
    };

    /// <summary>Runs a handler behind its operation's usage plan and stamps the rate-limit header where Amazon sends it.</summary>
    private Func<FakeCall, FakeResponse> Throttled(string operation, Func<FakeCall, FakeResponse> handler) => request =>
    {
        if (!_buckets[operation].TryTake(1, out _))
        {
            return QuotaExceeded();
        }

        var response = RepeatedParameter(request) ?? handler(request);
        if (response.StatusCode is (>= 200 and < 300) or 400 or 404)
        {
            var headers = new Dictionary<string, string>(response.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
            {
                ["x-amzn-RateLimit-Limit"] = AmazonUsagePlans.ByOperation[operation].Header,
            };
            response = response with { Headers = headers };
        }

        return response;
    };

    // The fake reads one value of each parameter; rather than answer with the first of several (MarketplaceIds=A&MarketplaceIds=B
    // read as A alone), it refuses the request as Amazon refuses input it cannot take.
    private FakeResponse? RepeatedParameter(FakeCall request) =>
        request.QueryValues.FirstOrDefault(pair => pair.Value.Count > 1) is { Key: { } name }
            ? Errors(400, "InvalidInput", $"Query parameter {name} is given more than once; give its values once, separated by commas.")
            : null;

    private AmazonOrder? FindOrder(string amazonOrderId) => _orders.Find(o => o.AmazonOrderId == amazonOrderId);
}
