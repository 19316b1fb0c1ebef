using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

public sealed class ShopifyFakeTests : ShopifyFakeTestBase
{
    private const string SetQuantities = """
        mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
          inventorySetQuantities(input: $input) @idempotent(key: $key) {
            inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } }
            userErrors { field message code }
          }
        }
        """;

    [Fact]
    public async Task Shop_ValidToken_AnswersTheShopWithItsCost()
    {
        var body = await PostAsync(Http, Shop, "{ shop { name } }");

        Assert.Equal("Connect Fake Shop", (string?)body["data"]!["shop"]!["name"]);
        var cost = body["extensions"]!["cost"]!;
        Assert.Equal(1, (int)cost["requestedQueryCost"]!);
        Assert.Equal(1, (int)cost["actualQueryCost"]!);
        Assert.Equal(2000, (double)cost["throttleStatus"]!["maximumAvailable"]!);
        Assert.Equal(1999, (double)cost["throttleStatus"]!["currentlyAvailable"]!);
        Assert.Equal(100, (double)cost["throttleStatus"]!["restoreRate"]!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("shpat_wrong")]
    public async Task AnyQuery_BadToken_Answers401WithShopifysErrorBody(string? token)
    {
        using var http = Client(token);

        var (status, body) = await PostRawAsync(http, Shop, "{ shop { name } }");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)", (string?)JsonNode.Parse(body)!["errors"]);
    }

    [Fact]
    public async Task UnknownPath_Answers404NotFound()
    {
        using var response = await Http.GetAsync(new Uri(Shop.BaseAddress, "admin/api/2026-04/orders.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]);
    }

    [Fact]
    public async Task UnknownRootField_AnswersUndefinedFieldError()
    {
        var body = await PostAsync(Http, Shop, "query { customers(first: 1) { nodes { id } } }");

        var error = body["errors"]![0]!;
        Assert.Equal("Field 'customers' doesn't exist on type 'QueryRoot'", (string?)error["message"]);
        Assert.Equal("undefinedField", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task ProductVariantsBySku_FindsTheVariantWithItsInventoryItemAndLevel()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        Shop.SeedArticle(Sku("SHIRT-L"), 3);

        var body = await PostAsync(Http, Shop, """query($q: String) { v: productVariants(first: 5, query: $q) { nodes { id sku inventoryItem { inventoryLevels(first: 1) { nodes { location { id } quantities(names: ["available"]) { quantity } } } } } } }""", new JsonObject { ["q"] = "sku:SHIRT-L" });

        var variant = Assert.Single(body["data"]!["v"]!["nodes"]!.AsArray())!;
        Assert.Equal("SHIRT-L", (string?)variant["sku"]);
        Assert.Equal(Shop.IdsOf(Sku("SHIRT-L"))!.VariantId, (string?)variant["id"]);
        var level = variant["inventoryItem"]!["inventoryLevels"]!["nodes"]![0]!;
        Assert.Equal($"gid://shopify/Location/{Shop.LocationId}", (string?)level["location"]!["id"]);
        Assert.Equal(3, (int)level["quantities"]![0]!["quantity"]!);

        // Requested: the connection 2 + 5 × (variant 1, inventoryItem 1, inventoryLevels 2 + 1 × (level 1, location 1, quantities 1)).
        // Actual: the connection 2 + the one variant returned with its item, levels, level, location and quantities.
        Assert.Equal(9, (int)body["extensions"]!["cost"]!["actualQueryCost"]!);
        Assert.Equal(37, (int)body["extensions"]!["cost"]!["requestedQueryCost"]!);
    }

    [Fact]
    public async Task InventoryLevel_ByLocation_AnswersTheLevelThere_AndNullElsewhere()
    {
        Shop.SeedArticle(Sku("SHIRT-L"), 6);
        var variant = Shop.IdsOf(Sku("SHIRT-L"))!.VariantId;
        const string Query = """query($id: ID!, $loc: ID!) { productVariant(id: $id) { inventoryItem { inventoryLevel(locationId: $loc) { quantities(names: ["available"]) { name quantity } } } } }""";

        var here = await PostAsync(Http, Shop, Query, new JsonObject { ["id"] = variant, ["loc"] = $"gid://shopify/Location/{Shop.LocationId}" });
        var elsewhere = await PostAsync(Http, Shop, Query, new JsonObject { ["id"] = variant, ["loc"] = "gid://shopify/Location/1" });

        var quantity = here["data"]!["productVariant"]!["inventoryItem"]!["inventoryLevel"]!["quantities"]![0]!;
        Assert.Equal(("available", 6), ((string?)quantity["name"], (int)quantity["quantity"]!));
        Assert.Null(elsewhere["data"]!["productVariant"]!["inventoryItem"]!["inventoryLevel"]);

        // productVariant 1, inventoryItem 1, inventoryLevel 1, the quantities list 1.
        Assert.Equal(4, (int)here["extensions"]!["cost"]!["requestedQueryCost"]!);
    }

    [Fact]
    public async Task Quantities_SeveralNames_AnswerEachInTheOrderAsked_CommittedFromOpenOrders()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        Shop.SeedOrder(Order(1001, Start, quantity: 2));
        var variant = Shop.IdsOf(Sku("SHIRT-M"))!.VariantId;
        const string Query = """query($id: ID!) { productVariant(id: $id) { inventoryItem { inventoryLevels(first: 1) { nodes { quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity } } } } } }""";

        var body = await PostAsync(Http, Shop, Query, new JsonObject { ["id"] = variant });

        var quantities = body["data"]!["productVariant"]!["inventoryItem"]!["inventoryLevels"]!["nodes"]![0]!["quantities"]!.AsArray();
        Assert.Equal(
            [("available", 7), ("on_hand", 9), ("committed", 2), ("incoming", 0)],
            quantities.Select(q => ((string?)q!["name"], (int)q["quantity"]!)));
    }

    [Fact]
    public async Task Quantities_UnknownName_IsRefusedNamingIt()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        var variant = Shop.IdsOf(Sku("SHIRT-M"))!.VariantId;
        const string Query = """query($id: ID!) { productVariant(id: $id) { inventoryItem { inventoryLevels(first: 1) { nodes { quantities(names: ["available", "sellable"]) { quantity } } } } } }""";

        var body = await PostAsync(Http, Shop, Query, new JsonObject { ["id"] = variant });

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Contains("'sellable'", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("quantities", (string?)error["path"]!.AsArray()[^1]);
    }

    [Fact]
    public async Task Ids_AreAbove2Pow53_AndSurviveOnlyAsStrings()
    {
        Shop.SeedArticle(VariantId("9007199254740995"), 1);

        var body = await PostAsync(Http, Shop, """{ inventoryItem(id: "IGNORED") { id } locations(first: 1) { nodes { id } } }""");
        var variant = await PostAsync(Http, Shop, """{ productVariant(id: "gid://shopify/ProductVariant/9007199254740995") { id inventoryItem { id } } }""");

        Assert.Null(body["data"]!["inventoryItem"]);
        var itemGid = (string)variant["data"]!["productVariant"]!["inventoryItem"]!["id"]!;
        var itemNumber = long.Parse(itemGid[(itemGid.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(itemNumber > (1L << 53));

        // A client that reads the number as a double gets another item.
        Assert.NotEqual(itemNumber, (long)(double)itemNumber);
        Assert.True(Shop.LocationId > (1L << 53));
        Assert.NotEqual(Shop.LocationId, (long)(double)Shop.LocationId);
    }

    [Fact]
    public async Task InventoryItem_ById_AnswersItsVariantAndAvailableQuantity()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        var itemId = Shop.IdsOf(Sku("SHIRT-M"))!.InventoryItemId;

        var body = await PostAsync(Http, Shop, "query($id: ID!) { inventoryItem(id: $id) { id variant { id } inventoryLevels(first: 1) { nodes { quantities(names: [\"available\"]) { name quantity } } } } }", new JsonObject { ["id"] = itemId });

        var item = body["data"]!["inventoryItem"]!;
        Assert.Equal(Shop.IdsOf(Sku("SHIRT-M"))!.VariantId, (string?)item["variant"]!["id"]);
        Assert.Equal("available", (string?)item["inventoryLevels"]!["nodes"]![0]!["quantities"]![0]!["name"]);
        Assert.Equal(7, (int)item["inventoryLevels"]!["nodes"]![0]!["quantities"]![0]!["quantity"]!);
    }

    [Fact]
    public async Task InventorySetQuantities_MatchingChangeFrom_SetsAvailable()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        var body = await PostAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 12, changeFrom: 7, key: "k-1"));

        var result = body["data"]!["inventorySetQuantities"]!;
        Assert.Empty(result["userErrors"]!.AsArray());
        Assert.Equal(5, (int)result["inventoryAdjustmentGroup"]!["changes"]![0]!["delta"]!);
        Assert.Equal(12, Shop.StockOf(Sku("SHIRT-M")));
        Assert.Equal(10, (int)body["extensions"]!["cost"]!["actualQueryCost"]!);
    }

    [Fact]
    public async Task InventorySetQuantities_StaleChangeFrom_AnswersUserErrorAndChangesNothing()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        var body = await PostAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 12, changeFrom: 6, key: "k-1"));

        var error = Assert.Single(body["data"]!["inventorySetQuantities"]!["userErrors"]!.AsArray())!;
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", (string?)error["code"]);
        Assert.Equal(["input", "quantities", "0", "changeFromQuantity"], error["field"]!.AsArray().Select(f => (string)f!));
        Assert.Null(body["data"]!["inventorySetQuantities"]!["inventoryAdjustmentGroup"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task InventorySetQuantities_ExplicitNullChangeFrom_SkipsTheCheck_OmittedIsAnError()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        var skipped = await PostAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 1, changeFrom: null, key: "k-1"));
        var omitted = Input("SHIRT-M", 2, changeFrom: null, key: "k-2");
        ((JsonObject)omitted["input"]!["quantities"]![0]!).Remove("changeFromQuantity");
        var refused = await PostAsync(Http, Shop, SetQuantities, omitted);

        Assert.Empty(skipped["data"]!["inventorySetQuantities"]!["userErrors"]!.AsArray());
        Assert.Null(refused["data"]);
        Assert.Contains("quantities.0.changeFromQuantity", (string?)refused["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(1, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task InventorySetQuantities_SameKeyOtherParameters_AnswersKeyParameterMismatch()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        await PostAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 12, changeFrom: 7, key: "same"));
        var body = await PostAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 13, changeFrom: 12, key: "same"));

        Assert.Equal("IDEMPOTENCY_KEY_PARAMETER_MISMATCH", (string?)body["data"]!["inventorySetQuantities"]!["userErrors"]![0]!["code"]);
        Assert.Equal(12, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Theory]
    [InlineData("name", "on_hand", "INVALID_NAME")]
    [InlineData("reason", "because", "INVALID_REASON")]
    public async Task InventorySetQuantities_InvalidNameOrReason_AnswersTheDocumentedCode(string field, string value, string code)
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        var input = Input("SHIRT-M", 12, changeFrom: 7, key: "k-1");
        input["input"]![field] = value;

        var body = await PostAsync(Http, Shop, SetQuantities, input);

        Assert.Equal(code, (string?)body["data"]!["inventorySetQuantities"]!["userErrors"]![0]!["code"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task InventorySetQuantities_SameIdempotencyKey_AppliesOnceAndReplaysTheAnswer()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        var first = await PostRawAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 12, changeFrom: 7, key: "same"));
        var again = await PostRawAsync(Http, Shop, SetQuantities, Input("SHIRT-M", 12, changeFrom: 7, key: "same"));

        // The replay answers the same data; its cost is charged again.
        Assert.Equal(JsonNode.Parse(first.Body)!["data"]!.ToJsonString(), JsonNode.Parse(again.Body)!["data"]!.ToJsonString());
        Assert.Equal(12, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task InventorySetQuantities_WithoutIdempotentDirective_IsRefusedFrom2026_04_ButNotBefore()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        const string withoutKey = "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }";
        var old = Input("SHIRT-M", 9, changeFrom: null, key: "unused");
        var entry = (JsonObject)old["input"]!["quantities"]![0]!;
        entry.Remove("changeFromQuantity");
        entry["compareQuantity"] = 7;

        var refused = await PostAsync(Http, Shop, withoutKey, Input("SHIRT-M", 9, changeFrom: 7, key: "unused"));
        var accepted = await PostAsync(Http, Shop, withoutKey, old, version: "2026-01");

        Assert.Null(refused["data"]);
        Assert.NotNull(refused["errors"]);
        Assert.Empty(accepted["data"]!["inventorySetQuantities"]!["userErrors"]!.AsArray());
        Assert.Equal(9, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task InventorySetQuantities_StaleCompareQuantityBefore2026_04_AnswersCompareQuantityStale()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        var input = Input("SHIRT-M", 9, changeFrom: null, key: "k");
        var entry = (JsonObject)input["input"]!["quantities"]![0]!;
        entry.Remove("changeFromQuantity");
        entry["compareQuantity"] = 3;

        var body = await PostAsync(Http, Shop, SetQuantities, input, version: "2025-10");

        Assert.Equal("COMPARE_QUANTITY_STALE", (string?)body["data"]!["inventorySetQuantities"]!["userErrors"]![0]!["code"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public void SeedArticle_ForeignLabel_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Shop.SeedArticle(new Connect.Sdk.ForeignNumbers.ForeignNumber(Connect.Sdk.ForeignNumbers.ForeignNumberLabel.SkuFba, "1"), 1));
        Assert.Throws<ArgumentException>(() => Shop.SeedArticle(new Connect.Sdk.ForeignNumbers.ForeignNumber(Connect.Sdk.ForeignNumbers.ForeignNumberLabel.ShopifyProductId, "one"), 1));
        Assert.Throws<ArgumentException>(() => Shop.SeedArticle(VariantId("not-a-number"), 1));
    }

    private JsonObject Input(string sku, int quantity, int? changeFrom, string key) => new()
    {
        ["key"] = key,
        ["input"] = new JsonObject
        {
            ["name"] = "available",
            ["reason"] = "correction",
            ["referenceDocumentUri"] = "connect://stock/1",
            ["quantities"] = new JsonArray(new JsonObject
            {
                ["inventoryItemId"] = Shop.IdsOf(Sku(sku))!.InventoryItemId,
                ["locationId"] = $"gid://shopify/Location/{Shop.LocationId}",
                ["quantity"] = quantity,
                ["changeFromQuantity"] = changeFrom,
            }),
        },
    };
}
