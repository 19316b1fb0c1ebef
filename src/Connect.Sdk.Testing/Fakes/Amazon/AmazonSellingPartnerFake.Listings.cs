using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <content>The Listings Items API 2021-08-01: quantity updates through <c>patchListingsItem</c>.</content>
public sealed partial class AmazonSellingPartnerFake
{
    private const string FulfillmentAvailability = "/attributes/fulfillment_availability";
    private const string MerchantChannel = "DEFAULT";

    private long _nextSubmission = 1;

    private static JsonObject Issue(string code, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["severity"] = "ERROR",
        ["attributeNames"] = new JsonArray("fulfillment_availability"),
    };

    private void MapListings() =>
        Map(AmazonOperations.PatchListingsItem, "PATCH", "/listings/2021-08-01/items/(?<sellerId>[^/]+)/(?<sku>[^/]+)", Throttled(AmazonOperations.PatchListingsItem, PatchListingsItem));

    /// <summary>
    /// <c>patchListingsItem</c>: 200 with <c>ACCEPTED</c> and a submissionId. Amazon applies a submission
    /// asynchronously; the fake applies it at once, so <see cref="StockOf"/> shows it right after the call.
    /// Patches of <c>/attributes/fulfillment_availability</c> (op add, replace or merge) with
    /// <c>fulfillment_channel_code</c> <c>DEFAULT</c> set an FBM SKU's quantity; patches of other attributes are
    /// accepted and ignored. <c>mode=VALIDATION_PREVIEW</c> answers <c>VALID</c> and changes nothing. A problem
    /// with the payload answers 200 <c>INVALID</c> with issues, as the API does; an FBA SKU's quantity is
    /// Amazon's, so a quantity for one is <c>INVALID</c> too.
    /// </summary>
    private FakeResponse PatchListingsItem(FakeCall request)
    {
        if (request.RouteValues["sellerId"] != Credentials.SellerId)
        {
            return Errors(403, "Unauthorized", "Access to requested resource is denied.", details: string.Empty);
        }

        if (!request.Query.TryGetValue("marketplaceIds", out var marketplaceIds) || string.IsNullOrWhiteSpace(marketplaceIds))
        {
            return InvalidInput("marketplaceIds is required.");
        }

        var sku = Uri.UnescapeDataString(request.RouteValues["sku"]);
        if (_listings.Find(l => l.Sku == sku) is not { } listing)
        {
            return Errors(404, "NotFound", $"SKU {sku} is not listed.");
        }

        if (ParseObject(request.Body) is not { } body
            || (string?)body["productType"] is not { Length: > 0 }
            || body["patches"] is not JsonArray { Count: > 0 } patches)
        {
            return InvalidInput("The body needs productType and at least one patch.");
        }

        int? quantity = null;
        var issues = new JsonArray();
        foreach (var patch in patches.OfType<JsonObject>())
        {
            if ((string?)patch["path"] != FulfillmentAvailability || (string?)patch["op"] is not ("add" or "replace" or "merge"))
            {
                continue;
            }

            var value = (patch["value"] as JsonArray)?.FirstOrDefault() as JsonObject;
            var channel = (string?)value?["fulfillment_channel_code"];
            if (listing.FulfilledByAmazon)
            {
                issues.Add(Issue("FBA_QUANTITY_NOT_EDITABLE", $"SKU {sku} is fulfilled by Amazon; Amazon sets its quantity from its fulfilment centres."));
            }
            else if (channel != MerchantChannel)
            {
                issues.Add(Issue("INVALID_FULFILLMENT_CHANNEL", $"fulfillment_channel_code must be {MerchantChannel} for a merchant-fulfilled SKU, not {channel}."));
            }
            else if (value?["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var given) || given < 0)
            {
                issues.Add(Issue("INVALID_QUANTITY", "quantity must be a whole number of 0 or more."));
            }
            else
            {
                quantity = given;
            }
        }

        var preview = request.Query.GetValueOrDefault("mode") == "VALIDATION_PREVIEW";
        var status = issues.Count > 0 ? "INVALID" : preview ? "VALID" : "ACCEPTED";
        if (status == "ACCEPTED" && quantity is { } newQuantity)
        {
            listing.Quantity = newQuantity;
        }

        var response = new JsonObject { ["sku"] = sku, ["status"] = status };
        if (!preview)
        {
            response["submissionId"] = string.Create(CultureInfo.InvariantCulture, $"f1dc2914-75dd-11ea-bc55-{_nextSubmission++:x12}");
        }

        response["issues"] = issues;
        return Json(200, response, RequestIdHeader());
    }
}
