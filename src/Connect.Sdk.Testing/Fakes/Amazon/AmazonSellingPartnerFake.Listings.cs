using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <content>The Listings Items API 2021-08-01: one listing read with <c>getListingsItem</c>, attributes and quantity patched with <c>patchListingsItem</c>.</content>
public sealed partial class AmazonSellingPartnerFake
{
    private const string ListingsApi = "/listings/2021-08-01/items";
    private const string FulfillmentAvailabilityAttribute = "fulfillment_availability";
    private const string MerchantChannel = "DEFAULT";

    // The FBA channel code of the fake's marketplace (Amazon.de is served by Amazon's EU network); the fake's choice,
    // since an FBA listing's availability is Amazon's and the models give no list of codes.
    private const string AmazonChannel = "AMAZON_EU";

    // The data sets getListingsItem can include, as the model's includedData enum lists them; procurement is a
    // vendor's, which the fake does not model.
    private static readonly string[] ListingDataSets = ["summaries", "attributes", "issues", "offers", "fulfillmentAvailability", "relationships", "productTypes"];
    private static readonly string[] PatchDataSets = ["identifiers", "issues"];

    private long _nextSubmission = 1;

    private static JsonObject Issue(string code, string message, string attribute) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["severity"] = "ERROR",
        ["attributeNames"] = new JsonArray(attribute),
    };

    // The route matches the decoded path, where a SKU's %2F is a slash already, so it takes the rest of the path;
    // the SKU itself is read from the path as sent (RequestedSku).
    private void MapListings()
    {
        const string ItemRoute = ListingsApi + "/(?<sellerId>[^/]+)/(?<sku>.+)";
        Map(AmazonOperations.GetListingsItem, "GET", ItemRoute, Throttled(AmazonOperations.GetListingsItem, GetListingsItem));
        Map(AmazonOperations.PatchListingsItem, "PATCH", ItemRoute, Throttled(AmazonOperations.PatchListingsItem, PatchListingsItem));
    }

    /// <summary>
    /// <c>getListingsItem</c>: the listing in the model's <c>Item</c> shape with the data sets <c>includedData</c> names
    /// (default <c>summaries</c>): a summary per requested marketplace (the fake lists every SKU in each), the patched
    /// attributes with <c>fulfillment_availability</c> and <c>purchasable_offer</c>, no issues, the offers of the requested
    /// marketplaces (<c>B2C</c> for audience <c>ALL</c>, the <c>our_price</c> as the amount), the fulfilment availability,
    /// the product type and no relationships. <c>procurement</c> (vendors') and values outside
    /// the model's enum are refused with 400 <c>InvalidInput</c>.
    /// </summary>
    private FakeResponse GetListingsItem(FakeCall request)
    {
        if (RefuseItemRequest(request, ListingDataSets, "summaries", out var listing, out var dataSets) is { } refusal)
        {
            return refusal;
        }

        var markets = MarketplaceIdsOf(request);
        var item = new JsonObject { ["sku"] = listing.Sku };
        foreach (var dataSet in dataSets)
        {
            item[dataSet] = dataSet switch
            {
                "summaries" => new JsonArray(markets.Select(m => (JsonNode)Summary(listing, m)).ToArray()),
                "attributes" => AttributesOf(listing),
                "fulfillmentAvailability" => new JsonArray(new JsonObject
                {
                    ["fulfillmentChannelCode"] = listing.FulfilledByAmazon ? AmazonChannel : MerchantChannel,
                    ["quantity"] = listing.Quantity,
                }),
                "offers" => Offers(listing, markets),
                "productTypes" => new JsonArray(markets.Select(m => (JsonNode)new JsonObject { ["marketplaceId"] = m, ["productType"] = listing.ProductType }).ToArray()),
                "relationships" => new JsonArray(markets.Select(m => (JsonNode)new JsonObject { ["marketplaceId"] = m, ["relationships"] = new JsonArray() }).ToArray()),
                _ => new JsonArray(),
            };
        }

        return Json(200, item, RequestIdHeader());
    }

    /// <summary>
    /// <c>patchListingsItem</c>: 200 with <c>ACCEPTED</c> and a submissionId. Amazon applies a submission
    /// asynchronously; the fake applies it at once, so <see cref="StockOf"/> and <c>getListingsItem</c> show it right
    /// after the call. <c>/attributes/fulfillment_availability</c> (op add, replace or merge) with
    /// <c>fulfillment_channel_code</c> <c>DEFAULT</c> sets an FBM SKU's quantity; other attributes are kept as sent
    /// (add and replace set one, merge merges its first value, delete removes it) and read back by
    /// <c>getListingsItem</c>; <c>/attributes/purchasable_offer</c> sets offers by their selectors (see <see cref="PriceOf"/>),
    /// and a wrong currency, marketplace or price makes the submission <c>INVALID</c>. <c>mode=VALIDATION_PREVIEW</c> answers <c>VALID</c> and changes nothing. A problem
    /// with the payload answers 200 <c>INVALID</c> with issues, as the API does, and changes nothing; an FBA SKU's
    /// quantity is Amazon's, so a quantity for one is <c>INVALID</c> too.
    /// </summary>
    private FakeResponse PatchListingsItem(FakeCall request)
    {
        if (RefuseItemRequest(request, PatchDataSets, "issues", out var listing, out var dataSets) is { } refusal)
        {
            return refusal;
        }

        if (ParseObject(request.Body) is not { } body
            || (string?)body["productType"] is not { Length: > 0 } productType
            || body["patches"] is not JsonArray { Count: > 0 } patches)
        {
            return InvalidInput("The body needs productType and at least one patch.");
        }

        var issues = new JsonArray();
        var changes = new List<Action>();
        foreach (var patch in patches)
        {
            var change = PatchOf(listing, patch as JsonObject, MarketplaceIdsOf(request), out var issue);
            if (issue is not null)
            {
                issues.Add(issue);
            }
            else
            {
                changes.Add(change!);
            }
        }

        var preview = request.Query.GetValueOrDefault("mode") == "VALIDATION_PREVIEW";
        var status = issues.Count > 0 ? "INVALID" : preview ? "VALID" : "ACCEPTED";
        if (status == "ACCEPTED")
        {
            changes.ForEach(change => change());
            listing.ProductType = productType;
            listing.LastUpdatedDate = Clock.GetCurrentInstant();
        }

        var response = new JsonObject { ["sku"] = listing.Sku, ["status"] = status };
        if (!preview)
        {
            response["submissionId"] = string.Create(CultureInfo.InvariantCulture, $"f1dc2914-75dd-11ea-bc55-{_nextSubmission++:x12}");
        }

        if (dataSets.Contains("issues"))
        {
            response["issues"] = issues;
        }

        if (dataSets.Contains("identifiers"))
        {
            response["identifiers"] = new JsonArray(MarketplaceIdsOf(request).Select(m => (JsonNode)new JsonObject { ["marketplaceId"] = m, ["asin"] = listing.Asin }).ToArray());
        }

        return Json(200, response, RequestIdHeader());
    }

    // One patch as a change to apply once the whole submission is valid, or the issue that makes it invalid.
    private static Action? PatchOf(AmazonListing listing, JsonObject? patch, string[] marketplaceIds, out JsonObject? issue)
    {
        issue = null;
        var op = (string?)patch?["op"];
        var path = (string?)patch?["path"] ?? string.Empty;
        var attribute = path.StartsWith("/attributes/", StringComparison.Ordinal) ? path["/attributes/".Length..] : string.Empty;
        if (attribute.Length == 0 || attribute.Contains('/', StringComparison.Ordinal))
        {
            issue = Issue("INVALID_PATCH_PATH", $"path must be /attributes/{{attribute name}}, not '{path}'.", attribute);
            return null;
        }

        if (op is not ("add" or "replace" or "merge" or "delete"))
        {
            issue = Issue("INVALID_PATCH_OPERATION", $"op must be add, replace, merge or delete, not '{op}'.", attribute);
            return null;
        }

        if (op != "delete" && patch!["value"] is not JsonArray { Count: > 0 })
        {
            issue = Issue("MISSING_VALUE", $"{attribute}: value must be a non-empty array.", attribute);
            return null;
        }

        if (attribute == PurchasableOfferAttribute)
        {
            return OfferPatchOf(listing, op, patch!, marketplaceIds, out issue);
        }

        if (attribute != FulfillmentAvailabilityAttribute)
        {
            return op switch
            {
                "delete" => () => listing.Attributes.Remove(attribute),
                "merge" when (listing.Attributes[attribute] as JsonArray)?.FirstOrDefault() is JsonObject kept && patch!["value"]![0] is JsonObject added
                    => () => MergeInto(kept, added),
                _ => () => listing.Attributes[attribute] = patch!["value"]!.DeepClone(),
            };
        }

        return QuantityPatchOf(listing, op, patch!, out issue);
    }

    private static Action? QuantityPatchOf(AmazonListing listing, string op, JsonObject patch, out JsonObject? issue)
    {
        issue = null;
        var value = (patch["value"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var channel = (string?)value?["fulfillment_channel_code"];
        if (listing.FulfilledByAmazon)
        {
            issue = Issue("FBA_QUANTITY_NOT_EDITABLE", $"SKU {listing.Sku} is fulfilled by Amazon; Amazon sets its quantity from its fulfilment centres.", FulfillmentAvailabilityAttribute);
        }
        else if (op == "delete")
        {
            // What Amazon does with a merchant listing without availability is not documented; the fake refuses it.
            issue = Issue("UNSUPPORTED_OPERATION", "The Amazon fake does not model deleting fulfillment_availability; set quantity 0 instead.", FulfillmentAvailabilityAttribute);
        }
        else if (channel != MerchantChannel)
        {
            issue = Issue("INVALID_FULFILLMENT_CHANNEL", $"fulfillment_channel_code must be {MerchantChannel} for a merchant-fulfilled SKU, not {channel}.", FulfillmentAvailabilityAttribute);
        }
        else if (value?["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var quantity) || quantity < 0)
        {
            issue = Issue("INVALID_QUANTITY", "quantity must be a whole number of 0 or more.", FulfillmentAvailabilityAttribute);
        }
        else
        {
            return () => listing.Quantity = quantity;
        }

        return null;
    }

    private static void MergeInto(JsonObject target, JsonObject added)
    {
        foreach (var (name, value) in added)
        {
            target[name] = value?.DeepClone();
        }
    }

    private static JsonObject AttributesOf(AmazonListing listing)
    {
        var attributes = listing.Attributes.DeepClone().AsObject();
        attributes[FulfillmentAvailabilityAttribute] = new JsonArray(new JsonObject
        {
            ["fulfillment_channel_code"] = listing.FulfilledByAmazon ? AmazonChannel : MerchantChannel,
            ["quantity"] = listing.Quantity,
        });
        return attributes;
    }

    private static string[] MarketplaceIdsOf(FakeCall request) =>
        request.Query.GetValueOrDefault("marketplaceIds", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static JsonObject Summary(AmazonListing listing, string marketplaceId) => new()
    {
        ["marketplaceId"] = marketplaceId,
        ["asin"] = listing.Asin,
        ["productType"] = listing.ProductType,
        ["conditionType"] = "new_new",
        ["status"] = new JsonArray("BUYABLE", "DISCOVERABLE"),
        ["itemName"] = listing.Sku,
        ["createdDate"] = Iso(listing.CreatedDate),
        ["lastUpdatedDate"] = Iso(listing.LastUpdatedDate),
    };

    // The SKU as the client encoded it: the last segment of the path as sent, decoded once, so that '+' stays a plus
    // and "%25" a percent sign. A path with more segments (a slash not encoded) names no listings item.
    private static string? RequestedSku(FakeCall request)
    {
        var segments = request.RawPath.Split('/');
        return segments.Length == 6 ? Uri.UnescapeDataString(segments[5]) : null;
    }

    // The checks both item operations make, in Amazon's order: the seller, the marketplaces, the SKU, then the data sets
    // asked for (includedData, or the operation's default); the refusal, or null with the listing and the data sets.
    private FakeResponse? RefuseItemRequest(FakeCall request, string[] served, string byDefault, out AmazonListing listing, out string[] dataSets)
    {
        listing = null!;
        dataSets = [byDefault];
        if (request.RouteValues["sellerId"] != Credentials.SellerId)
        {
            return AccessDenied(details: string.Empty);
        }

        if (MarketplaceIdsOf(request).Length == 0)
        {
            return InvalidInput("marketplaceIds is required.");
        }

        if (RequestedSku(request) is not { } sku)
        {
            return NoRoute(request);
        }

        if (_listings.Find(l => l.Sku == sku) is not { } found)
        {
            // Amazon's words for a SKU the seller has not listed (quoted in amzn/selling-partner-api-models#4283 and
            // saleweaver/python-amazon-sp-api#495).
            return Errors(404, "NOT_FOUND", $"SKU '{sku}' not found in marketplace {MarketplaceIdsOf(request)[0]}");
        }

        listing = found;
        if (request.Query.TryGetValue("includedData", out var text))
        {
            dataSets = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return dataSets.FirstOrDefault(d => !served.Contains(d, StringComparer.Ordinal)) is { } unserved
            ? InvalidInput($"includedData '{unserved}' is not one of {string.Join(", ", served)} (the data sets the Amazon fake serves).")
            : null;
    }
}
