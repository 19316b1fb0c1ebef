using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.Amazon;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

public sealed class AmazonSellingPartnerFakeListingTests() : AmazonFakeTestBase(Start)
{
    [Fact]
    public async Task PatchQuantity_FbmSku_AnswersAccepted_AndSetsTheStock()
    {
        using var response = await Patch("MUG-BLUE", QuantityPatch("DEFAULT", 7));
        var body = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("MUG-BLUE", (string?)body["sku"]);
        Assert.Equal("ACCEPTED", (string?)body["status"]);
        Assert.False(string.IsNullOrEmpty((string?)body["submissionId"]));
        Assert.Empty(body["issues"]!.AsArray());
        Assert.Equal("5", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.Equal(7, Amazon.StockOf(Fbm("MUG-BLUE")));
    }

    [Fact]
    public async Task PatchQuantity_FbaSku_AnswersInvalidWithAnIssue_AndAmazonsStockStays()
    {
        using var response = await Patch("MUG-RED", QuantityPatch("DEFAULT", 99));
        var body = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("INVALID", (string?)body["status"]);
        Assert.Equal("ERROR", (string?)body["issues"]![0]!["severity"]);
        Assert.Equal(15, Amazon.StockOf(Fba("MUG-RED")));
        Assert.Null(Amazon.StockOf(Fbm("MUG-RED")));
    }

    [Fact]
    public async Task PatchQuantity_ValidationPreview_AnswersValid_AndChangesNothing()
    {
        using var response = await Patch("MUG-BLUE", QuantityPatch("DEFAULT", 3), "&mode=VALIDATION_PREVIEW");

        Assert.Equal("VALID", (string?)(await JsonOf(response))["status"]);
        Assert.Equal(40, Amazon.StockOf(Fbm("MUG-BLUE")));
    }

    [Fact]
    public async Task PatchQuantity_UnknownSkuOrOtherSeller_Answers404Or403()
    {
        using var unknown = await Patch("NO-SUCH-SKU", QuantityPatch("DEFAULT", 1));
        using var otherSeller = await Http.PatchAsync(
            new Uri($"listings/2021-08-01/items/A9OTHERSELLER/MUG-BLUE?marketplaceIds={Marketplace}", UriKind.Relative),
            new StringContent(QuantityPatch("DEFAULT", 1).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSeller.StatusCode);
        Assert.Equal(40, Amazon.StockOf(Fbm("MUG-BLUE")));
    }

    [Fact]
    public async Task PatchQuantity_SkuWithASlash_FindsTheListing()
    {
        Amazon.SeedArticle(Fbm("MUG/BLUE-2"), 4);

        using var response = await Patch(Uri.EscapeDataString("MUG/BLUE-2"), QuantityPatch("DEFAULT", 9));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("MUG/BLUE-2", (string?)(await JsonOf(response))["sku"]);
        Assert.Equal(9, Amazon.StockOf(Fbm("MUG/BLUE-2")));
    }

    [Theory]
    [InlineData("SET+2")]
    [InlineData("MUG%20X")]
    public async Task GetListingsItem_SkuWithPlusOrPercent_FindsExactlyThatListing(string sku)
    {
        Amazon.SeedArticle(Fbm(sku), 3);

        using var response = await Http.GetAsync(new Uri($"listings/2021-08-01/items/{SellerId}/{Uri.EscapeDataString(sku)}?marketplaceIds={Marketplace}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sku, (string?)(await JsonOf(response))["sku"]);
    }

    [Fact]
    public async Task PatchQuantity_SlashNotEncoded_Answers404ResourceNotFound()
    {
        Amazon.SeedArticle(Fbm("MUG/BLUE-2"), 4);

        using var response = await Patch("MUG/BLUE-2", QuantityPatch("DEFAULT", 9));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFound", (string?)(await JsonOf(response))["errors"]![0]!["code"]);
        Assert.Equal(4, Amazon.StockOf(Fbm("MUG/BLUE-2")));
    }

    [Fact]
    public async Task PatchQuantity_DeleteOfFulfillmentAvailability_AnswersInvalid_AndTheStockStays()
    {
        var patch = QuantityPatch("DEFAULT", 0);
        patch["patches"]![0]!["op"] = "delete";

        using var response = await Patch("MUG-BLUE", patch);
        var body = await JsonOf(response);

        Assert.Equal("INVALID", (string?)body["status"]);
        Assert.Equal("UNSUPPORTED_OPERATION", (string?)body["issues"]![0]!["code"]);
        Assert.Equal(40, Amazon.StockOf(Fbm("MUG-BLUE")));
    }

    [Fact]
    public async Task GetListingsItem_Default_AnswersTheSkuWithASummaryPerMarketplace()
    {
        using var response = await Http.GetAsync(new Uri($"listings/2021-08-01/items/{SellerId}/MUG-BLUE?marketplaceIds={Marketplace}", UriKind.Relative));
        var item = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.Equal("MUG-BLUE", (string?)item["sku"]);
        var summary = Assert.Single(item["summaries"]!.AsArray())!;
        Assert.Equal(Marketplace, (string?)summary["marketplaceId"]);
        Assert.Equal("B000000001", (string?)summary["asin"]);
        Assert.Equal(Iso(Start), (string?)summary["createdDate"]);
        Assert.Null(item["fulfillmentAvailability"]);
    }

    [Fact]
    public async Task GetListingsItem_AfterPatches_ShowsTheQuantityAndTheOtherAttributes()
    {
        var patch = QuantityPatch("DEFAULT", 6);
        patch["patches"]!.AsArray().Add(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/attributes/item_name",
            ["value"] = new JsonArray(new JsonObject { ["value"] = "Mug, blue", ["marketplace_id"] = Marketplace }),
        });
        using var patched = await Patch("MUG-BLUE", patch);

        using var response = await Http.GetAsync(new Uri(
            $"listings/2021-08-01/items/{SellerId}/MUG-BLUE?marketplaceIds={Marketplace}&includedData=attributes,fulfillmentAvailability,issues,offers",
            UriKind.Relative));
        var item = await JsonOf(response);

        Assert.Equal("ACCEPTED", (string?)(await JsonOf(patched))["status"]);
        Assert.Equal(6, (int)item["fulfillmentAvailability"]![0]!["quantity"]!);
        Assert.Equal("DEFAULT", (string?)item["fulfillmentAvailability"]![0]!["fulfillmentChannelCode"]);
        Assert.Equal(6, (int)item["attributes"]!["fulfillment_availability"]![0]!["quantity"]!);
        Assert.Equal("Mug, blue", (string?)item["attributes"]!["item_name"]![0]!["value"]);
        Assert.Empty(item["issues"]!.AsArray());
        Assert.Equal(
            """[{"marketplaceId":"A1PN6IFQEWUF5Q","offerType":"B2C","price":{"currencyCode":"EUR","amount":"19.99"}}]""",
            item["offers"]!.ToJsonString());
    }

    [Theory]
    [InlineData("MUG-BLUE", "&includedData=procurement", HttpStatusCode.BadRequest, "includedData 'procurement' is not one of")]
    [InlineData("NO-SUCH-SKU", "", HttpStatusCode.NotFound, "SKU 'NO-SUCH-SKU' not found in marketplace A1PN6IFQEWUF5Q")]
    public async Task GetListingsItem_UnservedDataSetOrUnknownSku_IsRefused(string sku, string extraQuery, HttpStatusCode status, string message)
    {
        using var response = await Http.GetAsync(new Uri($"listings/2021-08-01/items/{SellerId}/{sku}?marketplaceIds={Marketplace}{extraQuery}", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(message, (string?)(await JsonOf(response))["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    private static JsonObject QuantityPatch(string channel, int quantity) => new()
    {
        ["productType"] = "PRODUCT",
        ["patches"] = new JsonArray(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/attributes/fulfillment_availability",
            ["value"] = new JsonArray(new JsonObject { ["fulfillment_channel_code"] = channel, ["quantity"] = quantity }),
        }),
    };
}
