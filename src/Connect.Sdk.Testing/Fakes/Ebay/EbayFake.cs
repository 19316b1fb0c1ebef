using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <summary>
/// An eBay seller on loopback that serves the Sell APIs in eBay's own shapes, written from eBay's API reference: the
/// identity API's token exchange (refresh token for a user access token, Basic auth with the application's keys), the
/// Inventory API's <c>bulkUpdatePriceQuantity</c> and <c>getOffers</c>, the Fulfillment API's <c>getOrders</c> (filters,
/// <c>limit</c>/<c>offset</c> paging with <c>href</c>, <c>next</c> and <c>total</c>), <c>getOrder</c> and shipping
/// fulfillments, and the Notification API's <c>getPublicKey</c> with notifications the fake signs as eBay does.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="Start"/>; every API lives under <see cref="WireMockMarketplaceFake.BaseAddress"/> as
/// under <c>https://api.ebay.com</c>.</para>
/// <para>
/// Access tokens live 7200 seconds on the fake's clock. A missing, unknown or expired token is refused with 401 and
/// error 1001 ("Invalid access token"), a token without the API's scope with 403 and error 1100. A revoked refresh
/// token (<see cref="RevokeRefreshToken"/>) is refused with <c>invalid_grant</c>.
/// </para>
/// <para>
/// Limits: eBay's daily call limits per API (<see cref="EbayCallLimits"/>), counted per Pacific-time day, answered with
/// 429 and error 2001; the listing revision limit of 250 a day, answered per record inside <c>bulkUpdatePriceQuantity</c>;
/// and, on top, the token bucket of <see cref="MarketplaceFakeOptions.RateLimit"/> when a test gives one (eBay publishes
/// no per-second rate for these APIs, so it is off by default).
/// </para>
/// <para>Articles are inventory items by SKU (label <c>SKU</c> or <c>Bestandseinheit</c>), each with one published offer.</para>
/// </remarks>
public sealed partial class EbayFake : WireMockMarketplaceFake, IPriceFake
{
    /// <summary>The eBay marketplace the fake's offers and orders belong to unless told: eBay Germany.</summary>
    public const string DefaultMarketplaceId = "EBAY_DE";

    /// <summary>How often eBay lets a seller revise one listing in a calendar day.</summary>
    public const int RevisionsPerListingPerDay = 250;

    private static readonly Duration AccessTokenLifetime = Duration.FromSeconds(7200);
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    // eBay counts call limits and listing revisions per day from midnight Pacific time.
    private static readonly DateTimeZone Pacific = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private readonly List<EbayListing> _listings = [];
    private readonly List<EbayOrder> _orders = [];
    private long _nextOfferId = 7_100_000_001;
    private long _nextListingId = 110_553_000_001;
    private long _nextLineItemId = 10_000_000_001;
    private long _nextFulfillmentId = 1;

    private EbayFake(EbayCredentials credentials, MarketplaceFakeOptions? options, EbayCallLimits limits, string marketplaceId, CurrencyCode currency)
        : base(options)
    {
        Credentials = credentials;
        CallLimits = limits;
        MarketplaceId = marketplaceId;
        Currency = currency;
        MapIdentity();
        MapInventory();
        MapFulfillment();
        MapNotification();
    }

    /// <summary>The application's keys and the seller's refresh token the fake accepts.</summary>
    public EbayCredentials Credentials { get; }

    /// <summary>The daily call limits the fake counts.</summary>
    public EbayCallLimits CallLimits { get; }

    /// <summary>The marketplace id of the fake's offers and orders, e.g. <c>EBAY_DE</c>.</summary>
    public string MarketplaceId { get; }

    /// <summary>The marketplace's currency: offers are priced and orders paid in it.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>
    /// eBay takes listing prices as the buyer pays them: with VAT on eBay's European marketplaces, where prices shown to
    /// consumers include it.
    /// </summary>
    public PriceBasis? Basis => PriceBasis.Gross;

    /// <summary>Starts a fake seller on a free loopback port.</summary>
    /// <param name="credentials">The only keys and refresh token the fake accepts.</param>
    /// <param name="options">Clock, faults, delays and an optional token bucket; <see langword="null"/> for the defaults.</param>
    /// <param name="limits">The daily call limits; <see langword="null"/> for <see cref="EbayCallLimits"/>' defaults.</param>
    /// <param name="marketplaceId">The marketplace, <see cref="DefaultMarketplaceId"/> unless told.</param>
    /// <returns>The running fake; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">A credential is empty, or the marketplace is not one the fake knows the currency of.</exception>
    public static EbayFake Start(EbayCredentials credentials, MarketplaceFakeOptions? options = null, EbayCallLimits? limits = null, string marketplaceId = DefaultMarketplaceId)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.ClientId, nameof(credentials));
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.ClientSecret, nameof(credentials));
        ArgumentException.ThrowIfNullOrWhiteSpace(credentials.RefreshToken, nameof(credentials));
        var currency = marketplaceId switch
        {
            "EBAY_DE" or "EBAY_AT" or "EBAY_FR" or "EBAY_IT" or "EBAY_ES" or "EBAY_NL" or "EBAY_BE" or "EBAY_IE" => CurrencyCode.Eur,
            "EBAY_GB" => new CurrencyCode("GBP"),
            "EBAY_CH" => new CurrencyCode("CHF"),
            "EBAY_US" => new CurrencyCode("USD"),
            _ => throw new ArgumentException($"Marketplace id '{marketplaceId}' is not one the eBay fake knows the currency of.", nameof(marketplaceId)),
        };
        return new EbayFake(credentials, options, limits ?? new EbayCallLimits(), marketplaceId, currency);
    }

    /// <summary>
    /// Adds a single-SKU listing: an inventory item and its published offer at 19.99, live with this quantity. By
    /// <c>eBayListing</c> (the SDK's foreign number for an article) the listing gets that id and the SKU
    /// <c>L-{listing id}</c>; by <c>SKU</c> or <c>Bestandseinheit</c> (a variant's) the item is a variation with that SKU
    /// on a listing of its own, whose id <see cref="ListingIdOf"/> gives, and its order lines carry
    /// <c>variationAspects</c>. Seeding a known one sets its quantity instead.
    /// </summary>
    /// <param name="foreignNumber">The listing id, or the SKU.</param>
    /// <param name="stock">The ship-to-home quantity.</param>
    /// <exception cref="ArgumentException">The label is another one.</exception>
    public override void SeedArticle(ForeignNumber foreignNumber, int stock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        lock (Gate)
        {
            if (Find(foreignNumber) is { } known)
            {
                known.ShipToHomeQuantity = stock;
                known.AvailableQuantity = null;
                return;
            }

            var byListing = foreignNumber.Label == ForeignNumberLabel.EbayListing;
            // By listing id an article's single-SKU listing; by SKU a variant, as the SDK's eBay rules map them.
            AddListing(byListing ? $"L-{foreignNumber.Value}" : SkuOf(foreignNumber), byListing ? foreignNumber.Value : null, stock, variation: !byListing);
        }
    }

    /// <summary>
    /// Adds a variation to a multi-variation listing: an inventory item with this SKU whose published offer is live on
    /// the listing <paramref name="listingId"/>, beside the listing's other variations. Its order lines carry
    /// <c>variationAspects</c>.
    /// </summary>
    /// <param name="listingId">The listing id (eBay item id) the variations share.</param>
    /// <param name="sku">The variation's SKU.</param>
    /// <param name="stock">The ship-to-home quantity.</param>
    /// <exception cref="ArgumentException">The SKU exists already.</exception>
    public void SeedVariation(string listingId, string sku, int stock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listingId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        lock (Gate)
        {
            if (FindListing(sku) is not null)
            {
                throw new ArgumentException($"SKU {sku} exists already.", nameof(sku));
            }

            AddListing(sku, listingId, stock, variation: true);
        }
    }

    /// <summary>The quantity buyers can buy on the SKU's listing.</summary>
    /// <param name="foreignNumber">The SKU, or the listing id of a single-SKU listing.</param>
    /// <returns>The quantity, or <see langword="null"/> for an unknown SKU.</returns>
    public override int? StockOf(ForeignNumber foreignNumber)
    {
        lock (Gate)
        {
            return Find(foreignNumber)?.ListedQuantity;
        }
    }

    /// <summary>The price of the SKU's offer, in <see cref="Currency"/>; eBay has no compare-at price in this API.</summary>
    /// <param name="foreignNumber">The SKU, or the listing id of a single-SKU listing.</param>
    /// <returns>The price, or <see langword="null"/> for an unknown SKU.</returns>
    public FakePrice? PriceOf(ForeignNumber foreignNumber)
    {
        lock (Gate)
        {
            return Find(foreignNumber) is { } listing ? new FakePrice(new Money(listing.Price, Currency), null) : null;
        }
    }

    /// <summary>The listing id (eBay item id, the <c>eBayListing</c> foreign number) of the SKU's offer.</summary>
    /// <param name="sku">The SKU.</param>
    /// <returns>The listing id, or <see langword="null"/> for an unknown SKU.</returns>
    public string? ListingIdOf(string sku)
    {
        lock (Gate)
        {
            return FindListing(sku)?.ListingId;
        }
    }

    /// <summary>The offer id of the SKU's offer, which <c>bulkUpdatePriceQuantity</c> needs to revise the listing.</summary>
    /// <param name="sku">The SKU.</param>
    /// <returns>The offer id, or <see langword="null"/> for an unknown SKU.</returns>
    public string? OfferIdOf(string sku)
    {
        lock (Gate)
        {
            return FindListing(sku)?.OfferId;
        }
    }

    /// <summary>How often the SKU's listing was revised on the current Pacific-time day.</summary>
    /// <param name="sku">The SKU.</param>
    /// <returns>The revisions; 0 for an unknown SKU.</returns>
    public int RevisionsToday(string sku)
    {
        lock (Gate)
        {
            return FindListing(sku) is { } listing && listing.RevisionDay == Today() ? listing.Revisions : 0;
        }
    }

    /// <summary>Sets how often the SKU's listing was revised today, as if other tools had revised it.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="revisions">The revisions so far today.</param>
    /// <exception cref="KeyNotFoundException">No inventory item has this SKU.</exception>
    public void SetRevisionsToday(string sku, int revisions)
    {
        lock (Gate)
        {
            var listing = FindListing(sku) ?? throw new KeyNotFoundException($"No inventory item has SKU {sku}.");
            listing.RevisionDay = Today();
            listing.Revisions = revisions;
        }
    }

    /// <inheritdoc />
    protected override FakeResponse NoRoute(FakeCall request) =>
        Error(404, 2002, "ACCESS", "Resource not found", "The requested resource does not exist on this fake eBay.");

    /// <inheritdoc />
    protected override FakeResponse ServerFault(int statusCode) => statusCode switch
    {
        429 => Error(429, 2001, "ACCESS", "Too many requests. The request limit has been reached for the resource."),
        503 => Error(503, 2003, "ACCESS", "Service unavailable", category: "APPLICATION"),
        _ => Error(statusCode, 2003, "ACCESS", "There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.", category: "APPLICATION"),
    };

    private static FakeResponse Json(int statusCode, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, body.ToJsonString(Compact), headers);

    // eBay's REST error envelope (ErrorDetailV3): errors[] with errorId, domain, category, message, longMessage, parameters.
    private static FakeResponse Error(int statusCode, int errorId, string domain, string message, string? longMessage = null, JsonArray? parameters = null, string category = "REQUEST") =>
        Json(statusCode, new JsonObject { ["errors"] = new JsonArray(ErrorDetail(errorId, domain, message, longMessage, parameters, category)) });

    private static JsonObject ErrorDetail(int errorId, string domain, string message, string? longMessage = null, JsonArray? parameters = null, string category = "REQUEST")
    {
        var detail = new JsonObject { ["errorId"] = errorId, ["domain"] = domain, ["category"] = category, ["message"] = message };
        if (longMessage is not null)
        {
            detail["longMessage"] = longMessage;
        }

        if (parameters is not null)
        {
            detail["parameters"] = parameters;
        }

        return detail;
    }

    private static JsonArray Parameter(string name, string value) => [new JsonObject { ["name"] = name, ["value"] = value }];

    private static string SkuOf(ForeignNumber foreignNumber)
    {
        if (foreignNumber.Label != ForeignNumberLabel.Sku && foreignNumber.Label != ForeignNumberLabel.Bestandseinheit)
        {
            throw new ArgumentException($"The eBay fake identifies articles by SKU (or Bestandseinheit) or eBayListing, not by {foreignNumber.Label}.", nameof(foreignNumber));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(foreignNumber.Value, nameof(foreignNumber));
        return foreignNumber.Value;
    }

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

    private static JsonObject Amount(decimal value, CurrencyCode currency) =>
        new() { ["value"] = value.ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = currency.Value };

    private LocalDate Today() => Clock.GetCurrentInstant().InZone(Pacific).Date;

    private EbayListing? FindListing(string sku) => _listings.Find(l => l.Sku == sku);

    // A SKU's inventory item, or the first inventory item live on a listing id.
    private EbayListing? Find(ForeignNumber foreignNumber) =>
        foreignNumber.Label == ForeignNumberLabel.EbayListing ? _listings.Find(l => l.ListingId == foreignNumber.Value) : FindListing(SkuOf(foreignNumber));

    private void AddListing(string sku, string? listingId, int stock, bool variation) =>
        _listings.Add(new EbayListing
        {
            Sku = sku,
            OfferId = (_nextOfferId++).ToString(CultureInfo.InvariantCulture),
            ListingId = listingId ?? (_nextListingId++).ToString(CultureInfo.InvariantCulture),
            IsVariation = variation,
            ShipToHomeQuantity = stock,
            Price = 19.99m,
            RevisionDay = Today(),
        });
}
