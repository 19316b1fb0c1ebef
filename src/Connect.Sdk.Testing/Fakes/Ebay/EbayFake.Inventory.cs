using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Ebay;

/// <content>
/// The Inventory API: <c>bulkUpdatePriceQuantity</c> (at most 25 requests a call, one result per request) and
/// <c>getOffers</c> by SKU, which gives the offer id the bulk update needs to revise a live listing.
/// </content>
public sealed partial class EbayFake
{
    /// <summary>How many requests one <c>bulkUpdatePriceQuantity</c> call takes at most.</summary>
    public const int BulkUpdateLimit = 25;

    /// <summary>
    /// The error id the fake answers a revision over <see cref="RevisionsPerListingPerDay"/> with. eBay documents the
    /// limit but no error id for it in the sources at hand: the fake's choice, outside eBay's published ranges.
    /// </summary>
    public const int RevisionLimitErrorId = 25999;

    private const string Inventory = "/sell/inventory/v1";

    private readonly List<EbayBulkCall> _bulkCalls = [];

    /// <summary>Every <c>bulkUpdatePriceQuantity</c> call the fake answered 200, oldest first.</summary>
    public IReadOnlyList<EbayBulkCall> BulkCalls
    {
        get
        {
            lock (Gate)
            {
                return [.. _bulkCalls];
            }
        }
    }

    /// <summary>
    /// Ends the SKU's offer and publishes a new one for it (a new offer id and listing id), as a seller relisting it in
    /// Seller Hub would: a bulk update naming the old offer id is then refused with 25713 "This Offer is not available".
    /// </summary>
    /// <param name="sku">The SKU.</param>
    /// <exception cref="KeyNotFoundException">No inventory item has this SKU.</exception>
    public void Relist(string sku)
    {
        lock (Gate)
        {
            var old = FindListing(sku) ?? throw new KeyNotFoundException($"No inventory item has SKU {sku}.");
            _listings.Remove(old);
            AddListing(sku, listingId: null, old.ShipToHomeQuantity, old.IsVariation);
        }
    }

    private void MapInventory()
    {
        Map(EbayOperations.BulkUpdatePriceQuantity, "POST", $"{Inventory}/bulk_update_price_quantity", BulkUpdatePriceQuantity);
        Map(EbayOperations.GetOffers, "GET", $"{Inventory}/offer", GetOffers);
        Map(EbayOperations.GetInventoryItems, "GET", $"{Inventory}/inventory_item", GetInventoryItems);
    }

    /// <summary>
    /// <c>getInventoryItems</c>: the seller's inventory items by SKU, paged by <c>limit</c> (1 to 200, default 25) and
    /// <c>offset</c>, as <c>{href, limit, next, size, total, inventoryItems: [{sku, availability: {shipToLocationAvailability:
    /// {quantity}}}]}</c>.
    /// </summary>
    private FakeResponse GetInventoryItems(FakeCall request)
    {
        var limit = 25;
        var offset = 0;
        if ((request.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 200))
            || (request.Query.TryGetValue("offset", out var offsetText) && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return Error(400, 25709, "API_INVENTORY", "Invalid value for limit or offset.", parameters: Parameter("limit", limitText ?? string.Empty));
        }

        var page = _listings.Skip(offset).Take(limit).Select(l => (JsonNode)new JsonObject
        {
            ["sku"] = l.Sku,
            ["availability"] = new JsonObject { ["shipToLocationAvailability"] = new JsonObject { ["quantity"] = l.ShipToHomeQuantity } },
        });
        string Href(int at) => new Uri(BaseAddress, string.Create(CultureInfo.InvariantCulture, $"{Inventory.TrimStart('/')}/inventory_item?limit={limit}&offset={at}")).ToString();
        var body = new JsonObject
        {
            ["href"] = Href(offset),
            ["limit"] = limit,
            ["size"] = Math.Max(0, Math.Min(limit, _listings.Count - offset)),
            ["total"] = _listings.Count,
            ["inventoryItems"] = new JsonArray([.. page]),
        };
        if (offset + limit < _listings.Count)
        {
            body["next"] = Href(offset + limit);
        }

        return Json(200, body);
    }

    /// <summary>
    /// <c>getOffers</c>: the offers of one SKU (the <c>sku</c> query parameter is required) as an <c>Offers</c> page with
    /// <c>href</c>, <c>limit</c>, <c>size</c>, <c>total</c> and <c>offers[]</c> (offerId, sku, marketplaceId, format,
    /// availableQuantity, pricingSummary.price, listing.listingId, status).
    /// </summary>
    private FakeResponse GetOffers(FakeCall request)
    {
        if (string.IsNullOrWhiteSpace(request.Query.GetValueOrDefault("sku")))
        {
            return Error(400, 25709, "API_INVENTORY", "Invalid value for sku. The sku query parameter is required.", parameters: Parameter("sku", string.Empty));
        }

        var sku = request.Query["sku"];
        if (FindListing(sku) is not { } listing)
        {
            return Error(404, 25713, "API_INVENTORY", "This Offer is not available.", parameters: Parameter("sku", sku));
        }

        var offer = new JsonObject
        {
            ["offerId"] = listing.OfferId,
            ["sku"] = listing.Sku,
            ["marketplaceId"] = MarketplaceId,
            ["format"] = "FIXED_PRICE",
            ["availableQuantity"] = listing.AvailableQuantity ?? listing.ShipToHomeQuantity,
            ["pricingSummary"] = new JsonObject { ["price"] = Amount(listing.Price, Currency) },
            ["listing"] = new JsonObject { ["listingId"] = listing.ListingId, ["listingStatus"] = "ACTIVE" },
            ["status"] = "PUBLISHED",
        };
        return Json(200, new JsonObject
        {
            ["href"] = new Uri(BaseAddress, $"{Inventory.TrimStart('/')}/offer?sku={Uri.EscapeDataString(sku)}&limit=100&offset=0").ToString(),
            ["limit"] = 100,
            ["size"] = 1,
            ["total"] = 1,
            ["offers"] = new JsonArray(offer),
        });
    }

    /// <summary>
    /// <c>bulkUpdatePriceQuantity</c>: <c>{requests:[{sku, shipToLocationAvailability:{quantity}, offers:[{offerId,
    /// availableQuantity, price:{value, currency}}]}]}</c>, answered 200 with <c>responses[]</c>, one per offer updated or
    /// per SKU updated without offers, each with <c>statusCode</c>, <c>sku</c>, <c>offerId</c> and its own <c>errors</c>: a
    /// refused record changes nothing and leaves the others alone.
    /// </summary>
    private FakeResponse BulkUpdatePriceQuantity(FakeCall request)
    {
        if (!(request.Headers.GetValueOrDefault("Content-Type") ?? string.Empty).StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Error(415, 2004, "ACCESS", "Unsupported Media Type", "The Content-Type header must be application/json.");
        }

        if (ParseObject(request.Body)?["requests"] is not JsonArray requests || requests.Count == 0)
        {
            return Error(400, 2004, "ACCESS", "Invalid request", "The request has errors. The body must be a BulkPriceQuantity object with at least one request.");
        }

        if (requests.Count > BulkUpdateLimit)
        {
            return Error(400, 25709, "API_INVENTORY", $"Invalid value for requests. The number of requests must not exceed {BulkUpdateLimit}.", parameters: Parameter("requests", requests.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var responses = new JsonArray();
        foreach (var entry in requests)
        {
            foreach (var result in UpdateOne(entry as JsonObject))
            {
                responses.Add(result);
            }
        }

        _bulkCalls.Add(new EbayBulkCall(
            [.. requests.Select(r => r?["sku"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)],
            [.. responses.Select(r => (string?)r!["sku"])]));
        return Json(200, new JsonObject { ["responses"] = responses });
    }

    private List<JsonObject> UpdateOne(JsonObject? entry)
    {
        var sku = entry?["sku"] is JsonValue skuValue && skuValue.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrWhiteSpace(sku))
        {
            return [Result(400, sku, null, ErrorDetail(25709, "API_INVENTORY", "Invalid value for sku.", parameters: Parameter("sku", sku ?? string.Empty)))];
        }

        if (FindListing(sku) is not { } listing)
        {
            return [Result(404, sku, null, ErrorDetail(25702, "API_INVENTORY", $"SKU {sku} is not available in the system.", parameters: Parameter("sku", sku)))];
        }

        int? shipToHome = null;
        if (entry!["shipToLocationAvailability"] is { } availability)
        {
            if (QuantityOf(availability["quantity"]) is not { } quantity)
            {
                return [Result(400, sku, null, ErrorDetail(25709, "API_INVENTORY", "Invalid value for shipToLocationAvailability.quantity.", parameters: Parameter("shipToLocationAvailability.quantity", availability["quantity"]?.ToJsonString() ?? "null")))];
            }

            shipToHome = quantity;
        }

        var offers = entry["offers"] as JsonArray ?? [];
        if (offers.Count == 0)
        {
            return [Apply(listing, shipToHome, offer: null, available: null, price: null) ?? Result(200, sku, null)];
        }

        var results = new List<JsonObject>();
        foreach (var offer in offers.OfType<JsonObject>())
        {
            var offerId = offer["offerId"] is JsonValue id && id.TryGetValue<string>(out var idText) ? idText : null;
            if (offerId != listing.OfferId)
            {
                results.Add(Result(400, sku, offerId, ErrorDetail(25713, "API_INVENTORY", "This Offer is not available.", parameters: Parameter("offerId", offerId ?? string.Empty))));
                continue;
            }

            int? available = null;
            if (offer["availableQuantity"] is { } quantityNode)
            {
                if (QuantityOf(quantityNode) is not { } quantity)
                {
                    results.Add(Result(400, sku, offerId, ErrorDetail(25709, "API_INVENTORY", "Invalid value for availableQuantity.", parameters: Parameter("availableQuantity", quantityNode.ToJsonString()))));
                    continue;
                }

                available = quantity;
            }

            decimal? price = null;
            if (offer["price"] is { } priceNode)
            {
                if (PriceOf(priceNode, out var refusal) is not { } value)
                {
                    results.Add(Result(400, sku, offerId, refusal!));
                    continue;
                }

                price = value;
            }

            results.Add(Apply(listing, shipToHome, offerId, available, price) ?? Result(200, sku, offerId));
            shipToHome = null;
        }

        return results;
    }

    // Applies one record as a whole or not at all; a change that reaches the live listing spends one of its revisions.
    private JsonObject? Apply(EbayListing listing, int? shipToHome, string? offer, int? available, decimal? price)
    {
        var listed = listing.ListedQuantity;
        var newShipToHome = shipToHome ?? listing.ShipToHomeQuantity;
        var newAvailable = available ?? listing.AvailableQuantity;
        var newListed = newAvailable is { } a ? Math.Min(a, newShipToHome) : newShipToHome;
        var revises = newListed != listed || (price is { } p && p != listing.Price);
        if (revises)
        {
            var today = Today();
            if (listing.RevisionDay != today)
            {
                listing.RevisionDay = today;
                listing.Revisions = 0;
            }

            if (listing.Revisions >= RevisionsPerListingPerDay)
            {
                return Result(400, listing.Sku, offer, ErrorDetail(
                    RevisionLimitErrorId,
                    "API_INVENTORY",
                    $"The listing {listing.ListingId} has been revised {RevisionsPerListingPerDay} times today, the most eBay allows in one calendar day; it can be revised again tomorrow.",
                    parameters: Parameter("listingId", listing.ListingId)));
            }

            listing.Revisions++;
        }

        listing.ShipToHomeQuantity = newShipToHome;
        listing.AvailableQuantity = newAvailable;
        listing.Price = price ?? listing.Price;
        return null;
    }

    private decimal? PriceOf(JsonNode priceNode, out JsonObject? refusal)
    {
        refusal = null;
        var value = priceNode["value"] is JsonValue v && v.TryGetValue<string>(out var valueText) ? valueText : null;
        var currency = priceNode["currency"] is JsonValue c && c.TryGetValue<string>(out var currencyText) ? currencyText : null;
        if (currency != Currency.Value)
        {
            refusal = ErrorDetail(25709, "API_INVENTORY", $"Invalid value for price.currency. The offer is listed on {MarketplaceId} in {Currency.Value}.", parameters: Parameter("price.currency", currency ?? string.Empty));
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0m || decimal.Round(amount, 2) != amount)
        {
            refusal = ErrorDetail(25709, "API_INVENTORY", "Invalid value for price.value.", parameters: Parameter("price.value", value ?? string.Empty));
            return null;
        }

        return amount;
    }

    private static int? QuantityOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var quantity) && quantity >= 0 ? quantity : null;

    private static JsonObject Result(int statusCode, string? sku, string? offerId, JsonObject? error = null)
    {
        var result = new JsonObject { ["statusCode"] = statusCode };
        if (sku is not null)
        {
            result["sku"] = sku;
        }

        if (offerId is not null)
        {
            result["offerId"] = offerId;
        }

        if (error is not null)
        {
            result["errors"] = new JsonArray(error);
        }

        return result;
    }
}
