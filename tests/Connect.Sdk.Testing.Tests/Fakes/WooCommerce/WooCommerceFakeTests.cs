using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

public sealed class WooCommerceFakeTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Start);
    private WooCommerceFake _woo = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _woo = WooCommerceFake.Start(new WooCommerceCredentials(Key, Secret), new MarketplaceFakeOptions { Clock = _clock });
        _http = Client(_woo, Key, Secret);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _woo.DisposeAsync();
    }

    [Fact]
    public void Start_ListensOnLoopback()
    {
        Assert.Equal("127.0.0.1", _woo.BaseAddress.Host);
        Assert.EndsWith("/wp-json/wc/v3/", _woo.ApiAddress.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, _woo.Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemStatus_ValidBasicAuth_Answers200()
    {
        using var response = await _http.GetAsync(new Uri("system_status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("9.4.0", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["environment"]!["version"]);
    }

    [Fact]
    public async Task SystemStatus_QueryStringAuth_Answers200()
    {
        using var anonymous = new HttpClient { BaseAddress = _woo.ApiAddress };

        using var response = await anonymous.GetAsync(new Uri($"system_status?consumer_key={Key}&consumer_secret={Secret}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, "woocommerce_rest_cannot_view")]
    // An unknown key is no user to WooCommerce, not an error of its own: the controller's permission check answers.
    [InlineData("ck_wrong", Secret, "woocommerce_rest_cannot_view")]
    [InlineData(Key, "cs_wrong", "woocommerce_rest_authentication_error")]
    public async Task Orders_WrongCredentials_Answers401InWooCommercesShape(string? key, string? secret, string code)
    {
        using var http = Client(_woo, key, secret);

        using var response = await http.GetAsync(new Uri("orders", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(code, (string?)body["code"]);
        Assert.Equal(401, (int)body["data"]!["status"]!);
    }

    [Fact]
    public async Task UnknownRoute_Answers404RestNoRoute()
    {
        using var response = await _http.GetAsync(new Uri("coupons/12/nothing", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("rest_no_route", (string?)body["code"]);
        Assert.Equal("No route was found matching the URL and request method", (string?)body["message"]);
        Assert.Equal(404, (int)body["data"]!["status"]!);
    }

    [Fact]
    public async Task OrdersList_250Orders_PagesWithWooCommerceHeaders()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        for (var i = 0; i < 250; i++)
        {
            _woo.SeedOrder(Order(1000 + i, Start + Duration.FromMinutes(i)));
        }

        var seen = new List<long>();
        for (var page = 1; page <= 3; page++)
        {
            using var response = await _http.GetAsync(new Uri($"orders?per_page=100&page={page}&orderby=id&order=asc", UriKind.Relative));
            var orders = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            seen.AddRange(orders.Select(o => (long)o!["id"]!));

            Assert.Equal("250", response.Headers.GetValues("X-WP-Total").Single());
            Assert.Equal("3", response.Headers.GetValues("X-WP-TotalPages").Single());
            var link = response.Headers.TryGetValues("Link", out var links) ? links.Single() : string.Empty;
            Assert.Equal(page < 3, link.Contains("rel=\"next\"", StringComparison.Ordinal));
            Assert.Equal(page > 1, link.Contains("rel=\"prev\"", StringComparison.Ordinal));
            if (page < 3)
            {
                Assert.Contains($"page={page + 1}", link, StringComparison.Ordinal);
            }
        }

        Assert.Equal(Enumerable.Range(1000, 250).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task OrdersList_PerPageAbove100_Answers400()
    {
        using var response = await _http.GetAsync(new Uri("orders?per_page=101", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rest_invalid_param", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdersList_PerPageAbove100_ExplainsTheBoundInParamsAndDetails()
    {
        using var response = await _http.GetAsync(new Uri("orders?per_page=101", UriKind.Relative));
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;

        Assert.Equal("per_page must be between 1 (inclusive) and 100 (inclusive)", (string?)data["params"]!["per_page"]);
        Assert.Equal("rest_out_of_bounds", (string?)data["details"]!["per_page"]!["code"]);
        Assert.Equal("per_page", (string?)data["details"]!["per_page"]!["data"]!["param"]);
    }

    [Theory]
    [InlineData("orders/")]
    [InlineData("ORDERS")]
    [InlineData("System_Status/")]
    public async Task Routes_TrailingSlashOrOtherCase_MatchAsWordPressMatchesThem(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OrdersList_ModifiedAfter_ReturnsOnlyLaterChangesNewestFirst()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        for (var i = 0; i < 5; i++)
        {
            _woo.SeedOrder(Order(2000 + i, Start + Duration.FromHours(i)));
        }

        _clock.Reset(Start + Duration.FromDays(1));
        _woo.ChangeOrder("2001", order => order["customer_note"] = "Please ring twice");

        var after = (Start + Duration.FromHours(2)).ToString("uuuu-MM-ddTHH:mm:ss", null);
        using var response = await _http.GetAsync(new Uri($"orders?modified_after={after}&dates_are_gmt=true&orderby=modified", UriKind.Relative));
        var orders = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(["2001", "2004", "2003"], orders.Select(o => (string?)o!["number"]));
        Assert.Equal("2026-11-02T08:00:00", (string?)orders[0]!["date_modified_gmt"]);
    }

    [Fact]
    public async Task OrdersList_StatusFilter_ReturnsOnlyThatStatus()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        _woo.SeedOrder(Order(3001, Start));
        _woo.SeedOrder(Order(3002, Start, status: OrderStatus.Completed));

        using var response = await _http.GetAsync(new Uri("orders?status=processing", UriKind.Relative));
        var orders = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal("3001", (string?)Assert.Single(orders)!["number"]);
    }

    [Fact]
    public async Task OrdersGet_SeededOrder_HasTheSampleShape()
    {
        _woo.SeedVariation(Sku("SHIRT-M"), 10, parentSku: "SHIRT");
        _woo.SeedOrder(Order(727, Start));

        using var response = await _http.GetAsync(new Uri("orders/727", UriKind.Relative));
        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var line = order["line_items"]![0]!;
        var variation = _woo.Products().Single(p => (string?)p["sku"] == "SHIRT-M");

        Assert.Equal(727, (long)order["id"]!);
        Assert.Equal("processing", (string?)order["status"]);
        Assert.Equal("4.90", (string?)order["shipping_total"]);
        Assert.Equal("34.65", (string?)order["total"]);
        Assert.Equal("EUR", (string?)order["currency"]);
        Assert.Equal("Erika", (string?)order["shipping"]!["first_name"]);
        Assert.Equal((long)variation["parent_id"]!, (long)line["product_id"]!);
        Assert.Equal((long)variation["id"]!, (long)line["variation_id"]!);
        Assert.Equal("25.00", (string?)line["total"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, line["price"]!.GetValueKind());
        Assert.Equal(12.5m, (decimal)line["price"]!);
    }

    [Fact]
    public async Task OrdersGet_LineWithDiscountAndRate_AmountsBeforeAndAfterDiscountAndItsTaxLine()
    {
        _woo.SeedVariation(Sku("SHIRT-M"), 10, parentSku: "SHIRT");
        var seeded = Order(728, Start);
        _woo.SeedOrder(seeded with { Lines = [seeded.Lines[0] with { TaxRate = 0.19m, Discount = new Money(5.00m, CurrencyCode.Eur) }] });

        using var response = await _http.GetAsync(new Uri("orders/728", UriKind.Relative));
        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var line = order["line_items"]![0]!;
        var taxLine = Assert.Single(order["tax_lines"]!.AsArray())!;

        // Net shop: 2 × 12.50 after a 5.00 discount; the 19 % tax before the discount is 30.00 × 4.75 / 25.00.
        Assert.Equal("30.00", (string?)line["subtotal"]);
        Assert.Equal("5.70", (string?)line["subtotal_tax"]);
        Assert.Equal("25.00", (string?)line["total"]);
        Assert.Equal("4.75", (string?)line["total_tax"]);
        Assert.Equal("5.00", (string?)order["discount_total"]);
        Assert.Equal("0.95", (string?)order["discount_tax"]);
        Assert.Equal((long)taxLine["rate_id"]!, (long)line["taxes"]![0]!["id"]!);
        Assert.Equal("5.70", (string?)line["taxes"]![0]!["subtotal"]);
        Assert.Equal(19m, (decimal)taxLine["rate_percent"]!);
        Assert.Equal("4.75", (string?)taxLine["tax_total"]);
    }

    [Fact]
    public async Task OrdersGet_TaxedLineWithoutRate_TaxLineWithoutPercentageAsAnOlderShopSends()
    {
        _woo.SeedVariation(Sku("SHIRT-M"), 10, parentSku: "SHIRT");
        _woo.SeedOrder(Order(729, Start));

        using var response = await _http.GetAsync(new Uri("orders/729", UriKind.Relative));
        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var taxLine = Assert.Single(order["tax_lines"]!.AsArray())!.AsObject();

        Assert.Equal((long)taxLine["rate_id"]!, (long)order["line_items"]![0]!["taxes"]![0]!["id"]!);
        Assert.False(taxLine.ContainsKey("rate_percent"));
        Assert.Equal("0.00", (string?)order["discount_total"]);
    }

    // The keys of WooCommerce's documented orders list sample (orders_list_200.json).
    public static TheoryData<string, string[]> SampleOrderKeys => new()
    {
        {
            "order",
            ["id", "parent_id", "number", "order_key", "created_via", "version", "status", "currency", "date_created", "date_created_gmt", "date_modified", "date_modified_gmt", "discount_total", "discount_tax", "shipping_total", "shipping_tax", "cart_tax", "total", "total_tax", "prices_include_tax", "customer_id", "customer_ip_address", "customer_user_agent", "customer_note", "billing", "shipping", "payment_method", "payment_method_title", "transaction_id", "date_paid", "date_paid_gmt", "date_completed", "date_completed_gmt", "cart_hash", "meta_data", "line_items", "tax_lines", "shipping_lines", "fee_lines", "coupon_lines", "refunds", "_links"]
        },
        { "line_items", ["id", "name", "product_id", "variation_id", "quantity", "tax_class", "subtotal", "subtotal_tax", "total", "total_tax", "taxes", "meta_data", "sku", "price"] },
        { "billing", ["first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode", "country", "email", "phone"] },
        { "shipping", ["first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode", "country"] },
    };

    [Theory]
    [MemberData(nameof(SampleOrderKeys))]
    public async Task OrdersList_SeededOrder_HasEveryKeyOfTheDocumentedSample(string part, string[] keys)
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        _woo.SeedOrder(Order(7001, Start));

        using var response = await _http.GetAsync(Orders());
        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Single()!.AsObject();
        var json = part switch
        {
            "order" => order,
            "line_items" => order["line_items"]![0]!.AsObject(),
            _ => order[part]!.AsObject(),
        };

        Assert.Empty(keys.Except(json.Select(p => p.Key)));
    }

    [Fact]
    public async Task OrdersUpdate_Completed_StatusOfReadsCompleted()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        _woo.SeedOrder(Order(4001, Start));

        using var response = await _http.PutAsync(new Uri("orders/4001", UriKind.Relative), JsonBody("""{"status":"completed"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Completed, _woo.StatusOf("4001"));
        Assert.Null(_woo.StatusOf("9999"));
    }

    [Fact]
    public async Task Notes_TrackingNotes_BecomeShipments_ARepeatedNoteCountsTwice()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        _woo.SeedOrder(Order(5001, Start));
        var note = WooCommerceTrackingNote.Format("DHL", "00340434161234567890");

        foreach (var text in new[] { "Picked and packed", note, note, WooCommerceTrackingNote.Format("DPD", "0123456789", [new ShippedLine("500101", 1)]) })
        {
            using var created = await _http.PostAsync(new Uri("orders/5001/notes", UriKind.Relative), JsonBody(new JsonObject { ["note"] = text, ["customer_note"] = true }.ToJsonString()));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var listed = await _http.GetAsync(new Uri("orders/5001/notes", UriKind.Relative));
        var shipments = _woo.ShipmentsOf("5001");

        Assert.Equal(4, JsonNode.Parse(await listed.Content.ReadAsStringAsync())!.AsArray().Count);
        Assert.Equal(["DHL", "DHL", "DPD"], shipments.Select(s => s.Carrier));
        Assert.Equal(new FakeShipment("00340434161234567890", "DHL", shipments[0].Lines), shipments[0]);
        Assert.Equal(new ShippedLine("500101", 2), Assert.Single(shipments[0].Lines));
        Assert.Equal(new ShippedLine("500101", 1), Assert.Single(shipments[2].Lines));
    }

    [Fact]
    public async Task ProductsBySku_Seeded_FindsProductWithStock()
    {
        _woo.SeedArticle(Sku("MUG"), 7);

        using var response = await _http.GetAsync(new Uri("products?sku=MUG", UriKind.Relative));
        var product = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;

        Assert.Equal(7, (int)product["stock_quantity"]!);
        Assert.True((bool)product["manage_stock"]!);
    }

    [Fact]
    public async Task ProductUpdate_StockQuantity_ChangesStock()
    {
        _woo.SeedArticle(Sku("MUG"), 7);
        var id = (long)_woo.Products().Single()["id"]!;

        using var response = await _http.PutAsync(new Uri($"products/{id}", UriKind.Relative), JsonBody("""{"manage_stock":true,"stock_quantity":3}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task VariationUpdate_StockQuantity_ChangesStock()
    {
        _woo.SeedVariation(Sku("SHIRT-L"), 1, parentSku: "SHIRT");
        var variation = _woo.Products().Single(p => (string?)p["sku"] == "SHIRT-L");

        using var response = await _http.PutAsync(new Uri($"products/{variation["parent_id"]}/variations/{variation["id"]}", UriKind.Relative), JsonBody("""{"manage_stock":true,"stock_quantity":12}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, _woo.StockOf(Sku("SHIRT-L")));
    }

    [Fact]
    public async Task ProductsBatch_Update_ChangesEveryStock()
    {
        _woo.SeedArticle(Sku("A"), 1);
        _woo.SeedArticle(Sku("B"), 1);
        var update = new JsonArray(_woo.Products().Select(p => (JsonNode)new JsonObject { ["id"] = (long)p["id"]!, ["manage_stock"] = true, ["stock_quantity"] = 40 }).ToArray());

        using var response = await _http.PostAsync(new Uri("products/batch", UriKind.Relative), JsonBody(new JsonObject { ["update"] = update }.ToJsonString()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body["update"]!.AsArray().Count);
        Assert.Equal(40, _woo.StockOf(Sku("A")));
        Assert.Equal(40, _woo.StockOf(Sku("B")));
    }

    [Fact]
    public async Task ProductsBatch_MoreThan100_IsRefusedWholly()
    {
        _woo.SeedArticle(Sku("A"), 1);
        var id = (long)_woo.Products().Single()["id"]!;
        var update = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["id"] = id, ["stock_quantity"] = 9 }).ToArray());

        using var response = await _http.PostAsync(new Uri("products/batch", UriKind.Relative), JsonBody(new JsonObject { ["update"] = update }.ToJsonString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("woocommerce_rest_request_entity_too_large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _woo.StockOf(Sku("A")));
    }

    [Fact]
    public void SeedOrder_UnseededSku_Throws()
    {
        Assert.Throws<ArgumentException>(() => _woo.SeedOrder(Order(6001, Start, sku: "NOPE")));
    }

    [Fact]
    public async Task OrdersUpdate_UnknownStatus_Answers400AndKeepsTheStatus()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        _woo.SeedOrder(Order(4002, Start));

        using var response = await _http.PutAsync(new Uri("orders/4002", UriKind.Relative), JsonBody("""{"status":"shipped"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OrderStatus.Open, _woo.StatusOf("4002"));
    }

    [Fact]
    public async Task OrdersGet_UnknownId_Answers404InvalidId()
    {
        using var response = await _http.GetAsync(new Uri("orders/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("woocommerce_rest_shop_order_invalid_id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VariationsBatch_Update_ChangesVariationStock()
    {
        _woo.SeedVariation(Sku("SHIRT-S"), 1, parentSku: "SHIRT");
        _woo.SeedVariation(Sku("SHIRT-L"), 1, parentSku: "SHIRT");
        var variations = _woo.Products().Where(p => (long)p["parent_id"]! != 0).ToArray();
        var update = new JsonArray(variations.Select(v => (JsonNode)new JsonObject { ["id"] = (long)v["id"]!, ["stock_quantity"] = 8 }).ToArray());

        using var response = await _http.PostAsync(new Uri($"products/{variations[0]["parent_id"]}/variations/batch", UriKind.Relative), JsonBody(new JsonObject { ["update"] = update }.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, _woo.StockOf(Sku("SHIRT-S")));
        Assert.Equal(8, _woo.StockOf(Sku("SHIRT-L")));
    }

    [Fact]
    public async Task ProductUpdate_WithoutManagedStock_IgnoresTheQuantity()
    {
        _woo.SeedArticle(Sku("MUG"), 7);
        var id = (long)_woo.Products().Single()["id"]!;

        using var response = await _http.PutAsync(new Uri($"products/{id}", UriKind.Relative), JsonBody("""{"manage_stock":false,"stock_quantity":3}"""));
        var product = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)product["manage_stock"]!);
        Assert.Null(product["stock_quantity"]);
        Assert.Null(_woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task SeedArticle_KnownSku_SetsItsStockInsteadOfAddingAProduct()
    {
        _woo.SeedArticle(Sku("MUG"), 7);
        _woo.SeedArticle(Sku("MUG"), 3);

        using var response = await _http.GetAsync(new Uri("products?sku=MUG", UriKind.Relative));
        var product = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;

        Assert.Equal(3, (int)product["stock_quantity"]!);
        Assert.Equal(3, _woo.StockOf(Sku("MUG")));
        Assert.Single(_woo.Products());
    }

    [Fact]
    public void SeedVariation_KnownVariation_SetsItsStock_AnotherProductsSkuIsRefused()
    {
        _woo.SeedVariation(Sku("SHIRT-M"), 3, "SHIRT");
        _woo.SeedVariation(Sku("SHIRT-M"), 9, "SHIRT");
        _woo.SeedArticle(Sku("MUG"), 1);

        Assert.Equal(9, _woo.StockOf(Sku("SHIRT-M")));
        Assert.Equal(3, _woo.Products().Count);   // SHIRT, SHIRT-M, MUG
        Assert.Throws<ArgumentException>(() => _woo.SeedVariation(Sku("MUG"), 2, "SHIRT"));
        Assert.Throws<ArgumentException>(() => _woo.SeedArticle(Sku("SHIRT"), 2));
    }

    [Fact]
    public async Task StatusOf_TrackingNoteWhileProcessing_ReadsPartiallyShipped_CompletedReadsShipped()
    {
        _woo.SeedArticle(Sku("SHIRT-M"), 10);
        _woo.SeedOrder(Order(4101, Start));
        var note = WooCommerceTrackingNote.Format("DHL", "TRACK-1", [new ShippedLine("410101", 1)]);

        using var created = await _http.PostAsync(new Uri("orders/4101/notes", UriKind.Relative), JsonBody(new JsonObject { ["note"] = note, ["customer_note"] = true }.ToJsonString()));
        var partly = _woo.StatusOf("4101");
        using var completed = await _http.PutAsync(new Uri("orders/4101", UriKind.Relative), JsonBody("""{"status":"completed"}"""));

        Assert.Equal(OrderStatus.PartiallyShipped, partly);
        Assert.Equal(OrderStatus.Shipped, _woo.StatusOf("4101"));
    }

    [Fact]
    public void TrackingNote_LineIdsThatAreNotNumbers_AreReadBackAsWritten()
    {
        var note = WooCommerceTrackingNote.Format("DHL", "TRACK-1", [new ShippedLine("2001-L1", 3), new ShippedLine("3101", 1)]);

        Assert.True(WooCommerceTrackingNote.TryParse(note, out var carrier, out var number, out var lines));
        Assert.Equal("DHL", carrier);
        Assert.Equal("TRACK-1", number);
        Assert.Equal([new ShippedLine("2001-L1", 3), new ShippedLine("3101", 1)], lines);
    }

    [Fact]
    public async Task UnknownMethodOnKnownPath_Answers404RestNoRoute()
    {
        using var response = await _http.DeleteAsync(new Uri("orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("route.unknown", _woo.Requests.Single().Operation);
    }

    private static Uri Orders() => new("orders", UriKind.Relative);

    internal static HttpClient Client(WooCommerceFake woo, string? key, string? secret)
    {
        var http = new HttpClient { BaseAddress = woo.ApiAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));
        }

        return http;
    }

    internal static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
