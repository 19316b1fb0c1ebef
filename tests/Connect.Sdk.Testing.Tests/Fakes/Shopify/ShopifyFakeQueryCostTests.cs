using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>requestedQueryCost and actualQueryCost by Shopify's published rules, over the whole document.</summary>
public sealed class ShopifyFakeQueryCostTests : ShopifyFakeTestBase
{
    [Fact]
    public async Task ActualCost_CountsTheNodesOfNestedConnections()
    {
        Shop.SeedArticle(Sku("SHIRT-M"), 100);
        for (var i = 0; i < 3; i++)
        {
            Shop.SeedOrder(Order(1000 + i, Start + Duration.FromMinutes(i), secondQuantity: 1));
        }

        var body = await PostAsync(Http, Shop, "{ orders(first: 3) { nodes { id lineItems(first: 5) { nodes { id } } } } }");

        var cost = body["extensions"]!["cost"]!;

        // Requested: 2 + 3 × (order 1 + lineItems 2 + 5 lines). Actual: 2 + 3 × (order 1 + lineItems 2 + the 2 lines there are).
        Assert.Equal(26, (int)cost["requestedQueryCost"]!);
        Assert.Equal(17, (int)cost["actualQueryCost"]!);
        Assert.Equal(2000 - 17, (int)cost["throttleStatus"]!["currentlyAvailable"]!);
    }

    [Fact]
    public async Task TwoRootFields_CostTheirSum()
    {
        var body = await PostAsync(Http, Shop, "{ shop { name } locations(first: 1) { nodes { id } } }");

        var cost = body["extensions"]!["cost"]!;
        Assert.Equal(1 + 3, (int)cost["requestedQueryCost"]!);
        Assert.Equal(1 + 3, (int)cost["actualQueryCost"]!);
    }

    [Fact]
    public async Task Fragments_CountAsTheFieldsTheyAdd()
    {
        const string Query = """
            { orders(first: 4) { nodes { ...Lines } } }
            fragment Lines on Order { lineItems(first: 10) { nodes { id variant { id } } } }
            """;

        var body = await PostAsync(Http, Shop, Query);

        // 2 + 4 × (order 1 + lineItems 2 + 10 × (line 1 + variant 1)).
        Assert.Equal(2 + (4 * (1 + 2 + (10 * 2))), (int)body["extensions"]!["cost"]!["requestedQueryCost"]!);
    }
}
