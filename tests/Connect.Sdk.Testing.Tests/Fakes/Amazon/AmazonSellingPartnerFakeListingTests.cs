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

    private Task<HttpResponseMessage> Patch(string sku, JsonObject body, string extraQuery = "") => Http.PatchAsync(
        new Uri($"listings/2021-08-01/items/{SellerId}/{sku}?marketplaceIds={Marketplace}{extraQuery}", UriKind.Relative),
        new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
