using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>The fake's GraphQL execution: what a document selects is what it gets, the way Shopify executes it.</summary>
public sealed class ShopifyFakeGraphQLTests : ShopifyFakeTestBase
{
    [Fact]
    public async Task Query_TwoRootFields_AnswersBoth()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        var body = await PostAsync(Http, Shop, """{ shop { name } productVariants(first: 1) { nodes { sku } } }""");

        Assert.Equal("Connect Fake Shop", (string?)body["data"]!["shop"]!["name"]);
        Assert.Equal("SHIRT-M", (string?)body["data"]!["productVariants"]!["nodes"]![0]!["sku"]);
    }

    [Fact]
    public async Task Query_NestedAliasesAndTypename_AnswerUnderTheAliases()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);

        var body = await PostAsync(Http, Shop, """{ v: productVariants(first: 1) { list: nodes { code: sku kind: __typename stock: inventoryItem { __typename } } } }""");

        var node = body["data"]!["v"]!["list"]![0]!.AsObject();
        Assert.Equal(["code", "kind", "stock"], node.Select(p => p.Key));
        Assert.Equal("SHIRT-M", (string?)node["code"]);
        Assert.Equal("ProductVariant", (string?)node["kind"]);
        Assert.Equal("InventoryItem", (string?)node["stock"]!["__typename"]);
    }

    [Fact]
    public async Task Orders_250OrdersSelectingIdAndName_AnswerThoseTwoFieldsOnly()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 100);
        for (var i = 0; i < 250; i++)
        {
            Shop.SeedOrder(Order(1000 + i, Start + Duration.FromMinutes(i)));
        }

        var (_, text) = await PostRawAsync(Http, Shop, "{ orders(first: 250) { nodes { id name } } }");

        var nodes = JsonNode.Parse(text)!["data"]!["orders"]!["nodes"]!.AsArray();
        Assert.Equal(250, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(["id", "name"], n!.AsObject().Select(p => p.Key)));

        // About 90 bytes an order: nothing but the two fields (the whole order is over 2 KB).
        Assert.InRange(text.Length, 1, 30_000);
    }

    [Fact]
    public async Task Query_FragmentsVariablesDefaultsAndDirectives_AreApplied()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        Shop.SeedArticle(Sku("SHIRT-L"), 3);
        const string Query = """
            query Stock($sku: String = "sku:SHIRT-L", $withLevels: Boolean!, $count: Int = 5) {
              variants: productVariants(first: $count, query: $sku) { nodes { ...Variant } }
              shop { ... on Shop { name } id @skip(if: true) }
            }
            fragment Variant on ProductVariant {
              sku
              inventoryItem @include(if: $withLevels) { id }
              title @include(if: false)
            }
            """;

        var body = await PostAsync(Http, Shop, Query, new JsonObject { ["withLevels"] = false });

        var variant = Assert.Single(body["data"]!["variants"]!["nodes"]!.AsArray())!.AsObject();
        Assert.Equal(["sku"], variant.Select(p => p.Key));
        Assert.Equal("SHIRT-L", (string?)variant["sku"]);
        Assert.Equal(["name"], body["data"]!["shop"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task OperationName_PicksThatOperationOfSeveral()
    {
        var body = new JsonObject { ["query"] = "query A { shop { name } } query B { shop { id } }", ["operationName"] = "B" };
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync(Shop.GraphQLAddress(), content);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(["id"], answer["data"]!["shop"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task InventoryItems_BySku_IsARootField()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        Shop.SeedArticle(Sku("SHIRT-L"), 3);

        var body = await PostAsync(Http, Shop, """{ inventoryItems(first: 5, query: "sku:SHIRT-L") { nodes { id sku } } }""");

        var item = Assert.Single(body["data"]!["inventoryItems"]!["nodes"]!.AsArray())!;
        Assert.Equal(Shop.IdsOf(Sku("SHIRT-L"))!.InventoryItemId, (string?)item["id"]);
    }

    [Fact]
    public async Task Connection_LastAndBefore_PageFromTheBack()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 100);
        for (var i = 0; i < 5; i++)
        {
            Shop.SeedOrder(Order(1000 + i, Start + Duration.FromMinutes(i)));
        }

        var last = await PostAsync(Http, Shop, "{ orders(last: 2) { edges { cursor node { name } } pageInfo { hasPreviousPage hasNextPage } } }");
        var edges = last["data"]!["orders"]!["edges"]!.AsArray();
        var before = await PostAsync(Http, Shop, "query($c: String) { orders(last: 2, before: $c) { nodes { name } } }", new JsonObject { ["c"] = (string?)edges[0]!["cursor"] });

        Assert.Equal(["#1003", "#1004"], edges.Select(e => (string?)e!["node"]!["name"]));
        Assert.True((bool)last["data"]!["orders"]!["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal(["#1001", "#1002"], before["data"]!["orders"]!["nodes"]!.AsArray().Select(n => (string?)n!["name"]));
    }

    [Fact]
    public async Task Answer_CarriesTheApiVersionItWasServedIn()
    {
        using var current = await PostMessageAsync("2026-01");
        using var retired = await PostMessageAsync("2023-04");

        Assert.Equal("2026-01", Assert.Single(current.Headers.GetValues("X-Shopify-API-Version")));

        // Shopify serves a version it no longer supports in the oldest one it does.
        Assert.Equal(ShopifyFake.SupportedApiVersions[0], Assert.Single(retired.Headers.GetValues("X-Shopify-API-Version")));
    }

    [Fact]
    public async Task Answer_LaterStableVersion_IsServedAsItself_WithTheCompareAndSwapOfThatVersion()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        var input = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["name"] = "available",
                ["reason"] = "correction",
                ["quantities"] = new JsonArray(new JsonObject
                {
                    ["inventoryItemId"] = Shop.IdsOf(Sku("SHIRT-M"))!.InventoryItemId,
                    ["locationId"] = $"gid://shopify/Location/{Shop.LocationId}",
                    ["quantity"] = 9,
                    ["changeFromQuantity"] = 7,
                }),
            },
        };
        const string Set = """mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) @idempotent(key: "k") { userErrors { code } } }""";

        using var later = await PostMessageAsync("2026-10");
        var body = await PostAsync(Http, Shop, Set, input, version: "2026-07");

        Assert.Equal("2026-10", Assert.Single(later.Headers.GetValues("X-Shopify-API-Version")));
        Assert.Empty(body["data"]!["inventorySetQuantities"]!["userErrors"]!.AsArray());
        Assert.Equal(9, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task Answer_ReleaseCandidate_IsServedAsItself_AndAnyLaterVersionFallsForward()
    {
        using var candidate = await PostMessageAsync("2027-01");
        using var later = await PostMessageAsync("2027-04");

        Assert.Equal("2027-01", ShopifyFake.ReleaseCandidate);
        Assert.Equal("2027-01", Assert.Single(candidate.Headers.GetValues("X-Shopify-API-Version")));
        Assert.Equal(ShopifyFake.SupportedApiVersions[0], Assert.Single(later.Headers.GetValues("X-Shopify-API-Version")));
    }

    [Fact]
    public async Task Refusals_AndUnknownRoutes_CarryTheApiVersion()
    {
        using var content = new StringContent("""{"query":"{ shop { name } }"}""", System.Text.Encoding.UTF8, "application/json");
        using var anonymous = new HttpClient();
        using var unauthorized = await anonymous.PostAsync(Shop.GraphQLAddress("2026-01"), content);
        using var unknown = await Http.GetAsync(new Uri(Shop.BaseAddress, "admin/api/2026-04/products.json"));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("2026-01", Assert.Single(unauthorized.Headers.GetValues("X-Shopify-API-Version")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("2026-04", Assert.Single(unknown.Headers.GetValues("X-Shopify-API-Version")));
    }

    [Fact]
    public async Task SeedProduct_SeveralVariants_ProductListsEachWithItsStock()
    {
        var ids = Shop.SeedProduct("Shirt", ("SHIRT-S", 1), ("SHIRT-M", 2), ("SHIRT-L", 3));

        var body = await PostAsync(Http, Shop, "query($id: ID!) { product(id: $id) { title hasOnlyDefaultVariant variants(first: 5) { nodes { id sku inventoryQuantity } } } }", new JsonObject { ["id"] = ids[0].ProductId });

        var product = body["data"]!["product"]!;
        Assert.Equal("Shirt", (string?)product["title"]);
        Assert.False((bool)product["hasOnlyDefaultVariant"]!);
        var variants = product["variants"]!["nodes"]!.AsArray();
        Assert.Equal(ids.Select(i => i.VariantId), variants.Select(v => (string?)v!["id"]));
        Assert.Equal([1, 2, 3], variants.Select(v => (int)v!["inventoryQuantity"]!));
        Assert.Equal(2, Shop.StockOf(Sku("SHIRT-M")));
        Assert.Single(ids.Select(i => i.ProductId).Distinct());
    }

    [Fact]
    public void SeedProduct_SkuTakenOrNoVariants_IsRefused()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 1);

        Assert.Throws<ArgumentException>(() => Shop.SeedProduct("Shirt", ("SHIRT-M", 1)));
        Assert.Throws<ArgumentException>(() => Shop.SeedProduct("Shirt", ("A", 1), ("A", 2)));
        Assert.Throws<ArgumentException>(() => Shop.SeedProduct("Shirt"));
    }

    [Fact]
    public async Task SearchQuery_TermTheFakeDoesNotFilterBy_IsReportedAsShopifysSearchWarning()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 100);
        Shop.SeedOrder(Order(1001, Start));

        var body = await PostAsync(Http, Shop, """{ open: orders(first: 5, query: "name:#1001 financial_status:paid") { nodes { name } } }""");

        Assert.Equal("#1001", (string?)body["data"]!["open"]!["nodes"]![0]!["name"]);
        var search = Assert.Single(body["extensions"]!["search"]!.AsArray())!;
        Assert.Equal(["open"], search["path"]!.AsArray().Select(p => (string?)p));
        var warning = Assert.Single(search["warnings"]!.AsArray())!;
        Assert.Equal(("financial_status", "Invalid search field for this query."), ((string?)warning["field"], (string?)warning["message"]));
    }

    [Fact]
    public async Task FulfillmentCreate_SeveralTrackingNumbers_KeepsEach()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 100);
        Shop.SeedOrder(Order(1001, Start));
        var fulfillmentOrder = Shop.IdsOfOrder("1001")!.FulfillmentOrderId;
        var input = new JsonObject
        {
            ["f"] = new JsonObject
            {
                ["lineItemsByFulfillmentOrder"] = new JsonArray(new JsonObject { ["fulfillmentOrderId"] = fulfillmentOrder }),
                ["trackingInfo"] = new JsonObject { ["company"] = "DHL", ["numbers"] = new JsonArray("00340434161094015902", "00340434161094015919") },
            },
        };

        var body = await PostAsync(Http, Shop, "mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { trackingInfo { number company } } userErrors { message } } }", input);

        var tracking = body["data"]!["fulfillmentCreate"]!["fulfillment"]!["trackingInfo"]!.AsArray();
        Assert.Equal(["00340434161094015902", "00340434161094015919"], tracking.Select(t => (string?)t!["number"]));
        Assert.All(tracking, t => Assert.Equal("DHL", (string?)t!["company"]));
    }

    [Fact]
    public async Task AdjustmentGroupChanges_NarrowedByTheirArguments()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
        Shop.SeedArticle(Sku("SHIRT-L"), 3);
        var m = Shop.IdsOf(Sku("SHIRT-M"))!.InventoryItemId;
        var l = Shop.IdsOf(Sku("SHIRT-L"))!.InventoryItemId;
        var location = $"gid://shopify/Location/{Shop.LocationId}";
        var input = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["name"] = "available",
                ["reason"] = "received",
                ["changes"] = new JsonArray(
                    new JsonObject { ["inventoryItemId"] = m, ["locationId"] = location, ["delta"] = 1, ["changeFromQuantity"] = null },
                    new JsonObject { ["inventoryItemId"] = l, ["locationId"] = location, ["delta"] = 2, ["changeFromQuantity"] = null }),
            },
            ["only"] = new JsonArray(l),
        };

        var body = await PostAsync(Http, Shop, "mutation($input: InventoryAdjustQuantitiesInput!, $only: [ID!]) { inventoryAdjustQuantities(input: $input) @idempotent(key: \"a-1\") { inventoryAdjustmentGroup { changes(inventoryItemIds: $only) { delta } } } }", input);

        Assert.Equal([2], body["data"]!["inventoryAdjustQuantities"]!["inventoryAdjustmentGroup"]!["changes"]!.AsArray().Select(c => (int)c!["delta"]!));
        Assert.Equal((8, 5), (Shop.StockOf(Sku("SHIRT-M")), Shop.StockOf(Sku("SHIRT-L"))));
    }

    [Fact]
    public async Task FlawedOrderFields_ReachTheClientAsSeeded_EvenWhereAnObjectOrListIsDue()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 100);
        Shop.SeedOrder(Order(1001, Start));
        Shop.ChangeOrderFields("1001", order =>
        {
            order["currentTotalPriceSet"] = "29.90";
            order["lineItems"]!["nodes"]![0]!["taxLines"] = new JsonObject { ["rate"] = 0.19 };
        });

        var body = await PostAsync(Http, Shop, "{ orders(first: 1) { nodes { currentTotalPriceSet { shopMoney { amount } } lineItems(first: 1) { nodes { taxLines { rate } } } } } }");

        var order = body["data"]!["orders"]!["nodes"]![0]!;
        Assert.Equal("29.90", (string?)order["currentTotalPriceSet"]);
        Assert.Equal(0.19, (double)order["lineItems"]!["nodes"]![0]!["taxLines"]!["rate"]!);
    }

    private async Task<HttpResponseMessage> PostMessageAsync(string version)
    {
        using var content = new StringContent("""{"query":"{ shop { name } }"}""", System.Text.Encoding.UTF8, "application/json");
        return await Http.PostAsync(Shop.GraphQLAddress(version), content);
    }
}
