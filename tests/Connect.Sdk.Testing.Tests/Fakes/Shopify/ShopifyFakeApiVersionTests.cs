using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>
/// changeFromQuantity per API version, as Shopify's changelog has it: none before 2026-01, optional and overriding
/// compareQuantity in 2026-01, required (and compareQuantity gone) from 2026-04.
/// </summary>
public sealed class ShopifyFakeApiVersionTests : ShopifyFakeTestBase
{
    private const string Set = """
        mutation Set($input: InventorySetQuantitiesInput!) {
          inventorySetQuantities(input: $input) @idempotent(key: "k-1") { userErrors { field code } }
        }
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shop.SeedArticle(Sku("SHIRT-M"), 7);
    }

    [Fact]
    public async Task ChangeFromQuantity_In2026_01_OverridesTheMissingCompareQuantity()
    {
        var body = await PostAsync(Http, Shop, Set, Input(("changeFromQuantity", 7)), version: "2026-01");

        Assert.Empty(body["data"]!["inventorySetQuantities"]!["userErrors"]!.AsArray());
        Assert.Equal(9, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task ChangeFromQuantity_In2026_01_StaleIsChangeFromQuantityStale_EvenWithAMatchingCompareQuantity()
    {
        var body = await PostAsync(Http, Shop, Set, Input(("changeFromQuantity", 6), ("compareQuantity", 7)), version: "2026-01");

        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", (string?)body["data"]!["inventorySetQuantities"]!["userErrors"]![0]!["code"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task ChangeFromQuantity_Before2026_01_IsNotAFieldOfTheInput()
    {
        var body = await PostAsync(Http, Shop, Set, Input(("changeFromQuantity", 7)), version: "2025-10");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Variable $input of type InventorySetQuantitiesInput! was provided invalid value for quantities.0.changeFromQuantity (Field is not defined on InventoryQuantityInput)", (string?)error["message"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task CompareQuantity_From2026_04_IsNotAFieldOfTheInput()
    {
        var body = await PostAsync(Http, Shop, Set, Input(("changeFromQuantity", 7), ("compareQuantity", 7)), version: "2026-04");

        Assert.Equal("INVALID_VARIABLE", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(7, Shop.StockOf(Sku("SHIRT-M")));
    }

    private JsonObject Input(params (string Name, int Value)[] compare)
    {
        var quantity = new JsonObject
        {
            ["inventoryItemId"] = Shop.IdsOf(Sku("SHIRT-M"))!.InventoryItemId,
            ["locationId"] = $"gid://shopify/Location/{Shop.LocationId}",
            ["quantity"] = 9,
        };
        foreach (var (name, value) in compare)
        {
            quantity[name] = value;
        }

        return new JsonObject { ["input"] = new JsonObject { ["name"] = "available", ["reason"] = "correction", ["quantities"] = new JsonArray(quantity) } };
    }
}
