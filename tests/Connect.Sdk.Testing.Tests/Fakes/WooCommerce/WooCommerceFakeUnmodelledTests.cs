using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>What WooCommerce would act on but the fake does not model is refused, never dropped in silence.</summary>
public sealed class WooCommerceFakeUnmodelledTests() : WooCommerceFakeTestBase(basicKeys: true)
{
    protected override void Seed(WooCommerceFake woo)
    {
        woo.SeedArticle(Sku("MUG"), 7);
        woo.SeedArticle(Sku("CAP"), 1);
    }

    [Theory]
    [InlineData("products?category=15", "category")]
    [InlineData("products?search=mug", "search")]
    [InlineData("orders?offset=10", "offset")]
    [InlineData("products?_fields=id,sku", "_fields")]
    [InlineData("orders?context=edit", "context")]
    [InlineData("orders?orderby=title", "orderby")]
    public async Task Lists_ParameterWooCommerceWouldApplyButTheFakeDoesNot_Answers400NamingIt(string path, string parameter)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));

        await AssertNotModelled(response, parameter);
    }

    [Fact]
    public async Task ProductsList_OnlyParametersTheRouteRegisters_AreRefused_OthersIgnoredAsWordPressDoes()
    {
        using var unregistered = await Http.GetAsync(new Uri("products?utm_source=mail&context=view", UriKind.Relative));
        using var registered = await Http.GetAsync(new Uri("products?utm_source=mail&stock_status=instock", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, unregistered.StatusCode);
        await AssertNotModelled(registered, "stock_status");
    }

    [Fact]
    public async Task ProductUpdate_DescriptionWithTheStock_Answers400AndWritesNothing()
    {
        using var response = await Http.PutAsync(new Uri($"products/{IdOf("MUG")}", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"stock_quantity":2,"description":"Blue"}"""));

        await AssertNotModelled(response, "description");
        Assert.Equal(7, Woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task ProductUpdate_QuantityNotAnInteger_LeavesManageStockAsItWas()
    {
        using var response = await Http.PutAsync(new Uri($"products/{IdOf("MUG")}", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"manage_stock":false,"stock_quantity":"two"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(7, Woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task ProductsBatch_ItemWithAnUnmodelledField_FailsAloneNamingIt()
    {
        var body = new JsonObject
        {
            ["update"] = new JsonArray(
                new JsonObject { ["id"] = IdOf("MUG"), ["stock_quantity"] = 4, ["tax_class"] = "reduced-rate" },
                new JsonObject { ["id"] = IdOf("CAP"), ["stock_quantity"] = 6 }),
        };

        using var response = await Http.PostAsync(new Uri("products/batch", UriKind.Relative), WooCommerceFakeTests.JsonBody(body.ToJsonString()));
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["update"]!.AsArray();

        Assert.Equal("rest_invalid_param", (string?)results[0]!["error"]!["code"]);
        Assert.Equal("Invalid parameter(s): tax_class", (string?)results[0]!["error"]!["message"]);
        Assert.Equal(7, Woo.StockOf(Sku("MUG")));
        Assert.Equal(6, Woo.StockOf(Sku("CAP")));
    }

    [Fact]
    public async Task OrderUpdate_SetPaid_Answers400AndKeepsTheStatus()
    {
        Woo.SeedOrder(Order(7001, Start, sku: "MUG", status: OrderStatus.Pending));

        using var response = await Http.PutAsync(new Uri("orders/7001", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"status":"processing","set_paid":true}"""));

        await AssertNotModelled(response, "set_paid");
        Assert.Equal(OrderStatus.Pending, Woo.StatusOf("7001"));
    }

    [Fact]
    public async Task OrdersList_Search_FindsByIdEmailNameOrItem_AndNothingElse()
    {
        Woo.SeedOrder(Order(7101, Start, sku: "MUG"));
        Woo.SeedOrder(Order(7102, Start, sku: "MUG") with { BuyerEmail = "max@example.org" });

        var byEmail = await SearchIds("max@example");
        var byId = await SearchIds("7101");
        var byItem = await SearchIds("shirt");

        Assert.Equal([7102L], byEmail);
        Assert.Equal([7101L], byId);
        Assert.Equal([7101L, 7102L], byItem.Order());
    }

    [Fact]
    public async Task NotesCreate_AddedByUser_NamesTheKeysUserAsAuthor()
    {
        Woo.SeedOrder(Order(7201, Start, sku: "MUG"));

        using var response = await Http.PostAsync(new Uri("orders/7201/notes", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"note":"Called the buyer","added_by_user":true}"""));

        Assert.Equal("admin", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["author"]);
    }

    [Fact]
    public async Task ProductUpdate_NumericStringsAndStringBooleans_AreReadAsWordPressReadsThem()
    {
        using var response = await Http.PutAsync(new Uri($"products/{IdOf("MUG")}", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"manage_stock":"true","stock_quantity":"5"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, Woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task ProductUpdate_NullFractionOrWordBoolean_Answers400NamingTheFieldAndWritesNothing()
    {
        foreach (var (json, name) in new[] { ("""{"stock_quantity":null}""", "stock_quantity"), ("""{"stock_quantity":2.5}""", "stock_quantity"), ("""{"manage_stock":"yes"}""", "manage_stock") })
        {
            using var response = await Http.PutAsync(new Uri($"products/{IdOf("MUG")}", UriKind.Relative), WooCommerceFakeTests.JsonBody(json));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal($"Invalid parameter(s): {name}", (string?)body["message"]);
        }

        Assert.Equal(7, Woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task NotesCreate_CustomerNoteAsString_IsReadNotDropped()
    {
        Woo.SeedOrder(Order(7301, Start, sku: "MUG"));

        using var response = await Http.PostAsync(new Uri("orders/7301/notes", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"note":"Shipped","customer_note":"1"}"""));

        Assert.True((bool)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["customer_note"]!);
    }

    [Fact]
    public async Task ProductsBatch_DeleteBesideAnUpdate_Answers400NamingItAndWritesNothing()
    {
        var body = new JsonObject
        {
            ["update"] = new JsonArray(new JsonObject { ["id"] = IdOf("MUG"), ["stock_quantity"] = 3 }),
            ["delete"] = new JsonArray(IdOf("CAP")),
        };

        using var response = await Http.PostAsync(new Uri("products/batch", UriKind.Relative), WooCommerceFakeTests.JsonBody(body.ToJsonString()));

        await AssertNotModelled(response, "delete");
        Assert.Equal(7, Woo.StockOf(Sku("MUG")));
        Assert.Equal(1, Woo.StockOf(Sku("CAP")));
    }

    [Fact]
    public async Task OrdersList_StatusRepeatedOrAsBracketList_IsReadAsPhpReadsIt()
    {
        Woo.SeedOrder(Order(7401, Start, sku: "MUG", status: OrderStatus.Pending));
        Woo.SeedOrder(Order(7402, Start, sku: "MUG", status: OrderStatus.Open));
        Woo.SeedOrder(Order(7403, Start, sku: "MUG", status: OrderStatus.Completed));

        var lastWins = await OrderIds("orders?status=pending&status=processing");
        var bracketList = await OrderIds("orders?status%5B%5D=pending&status%5B%5D=completed");

        Assert.Equal([7402L], lastWins);
        Assert.Equal([7401L, 7403L], bracketList.Order());
    }

    private static async Task AssertNotModelled(HttpResponseMessage response, string name)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("rest_invalid_param", (string?)body["code"]);
        Assert.Equal($"Invalid parameter(s): {name}", (string?)body["message"]);
        Assert.Contains("not modelled by the WooCommerce fake", (string?)body["data"]!["params"]![name], StringComparison.Ordinal);
    }


    private Task<long[]> SearchIds(string term) => OrderIds($"orders?search={Uri.EscapeDataString(term)}");

    private async Task<long[]> OrderIds(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(o => (long)o!["id"]!).ToArray();
    }
}
