using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>Products, variations, order notes and the system status carry every property WooCommerce's REST API v3 reference documents.</summary>
public sealed class WooCommerceFakeProductJsonTests() : WooCommerceFakeTestBase(basicKeys: true)
{
    // The "Product properties" table of the v3 reference (woocommerce-rest-api-docs, _products.md).
    private static readonly string[] ProductProperties =
    [
        "id", "name", "slug", "permalink", "date_created", "date_created_gmt", "date_modified", "date_modified_gmt", "type",
        "status", "featured", "catalog_visibility", "description", "short_description", "sku", "price", "regular_price",
        "sale_price", "date_on_sale_from", "date_on_sale_from_gmt", "date_on_sale_to", "date_on_sale_to_gmt", "price_html",
        "on_sale", "purchasable", "total_sales", "virtual", "downloadable", "downloads", "download_limit", "download_expiry",
        "external_url", "button_text", "tax_status", "tax_class", "manage_stock", "stock_quantity", "stock_status",
        "backorders", "backorders_allowed", "backordered", "sold_individually", "weight", "dimensions", "shipping_required",
        "shipping_taxable", "shipping_class", "shipping_class_id", "reviews_allowed", "average_rating", "rating_count",
        "related_ids", "upsell_ids", "cross_sell_ids", "parent_id", "purchase_note", "categories", "tags", "images",
        "attributes", "default_attributes", "variations", "grouped_products", "menu_order", "meta_data", "_links",
    ];

    // The "Product variation properties" table (_product-variations.md).
    private static readonly string[] VariationProperties =
    [
        "id", "date_created", "date_created_gmt", "date_modified", "date_modified_gmt", "description", "permalink", "sku",
        "price", "regular_price", "sale_price", "date_on_sale_from", "date_on_sale_from_gmt", "date_on_sale_to",
        "date_on_sale_to_gmt", "on_sale", "status", "purchasable", "virtual", "downloadable", "downloads", "download_limit",
        "download_expiry", "tax_status", "tax_class", "manage_stock", "stock_quantity", "stock_status", "backorders",
        "backorders_allowed", "backordered", "weight", "dimensions", "shipping_class", "shipping_class_id", "image",
        "attributes", "menu_order", "meta_data", "_links",
    ];

    protected override void Seed(WooCommerceFake woo)
    {
        woo.SeedArticle(Sku("MUG"), 7);
        woo.SeedVariation(Sku("SHIRT-M"), 3, "SHIRT");
        woo.SeedVariation(Sku("SHIRT-L"), 0, "SHIRT");
        woo.SeedArticle(Sku("CAP"), 1);
        woo.SeedVariation(Sku("SOCK-S"), 2, "SOCK");
    }

    [Fact]
    public async Task ProductsGet_SimpleProduct_HasEveryDocumentedProperty()
    {
        var mug = await GetJson($"products/{IdOf("MUG")}");

        Assert.Equal([], ProductProperties.Where(name => !mug.ContainsKey(name)).ToArray());
        Assert.Equal("<span class=\"woocommerce-Price-amount amount\"><bdi><span class=\"woocommerce-Price-currencySymbol\">&euro;</span>19.99</bdi></span>", (string?)mug["price_html"]);
        Assert.Equal("uncategorized", (string?)mug["categories"]![0]!["slug"]);
        Assert.Equal(-1, (int)mug["download_limit"]!);
    }

    [Fact]
    public async Task ProductsGet_VariableProduct_NamesItsVariationsAsAttributeOptions()
    {
        var shirt = await GetJson($"products/{IdOf("SHIRT")}");

        var attribute = shirt["attributes"]![0]!;
        Assert.True((bool)attribute["variation"]!);
        Assert.Equal(["SHIRT-M", "SHIRT-L"], attribute["options"]!.AsArray().Select(o => (string?)o));
        Assert.Equal("19.99", (string?)shirt["price"]);
        Assert.Equal(2, shirt["variations"]!.AsArray().Count);
    }

    [Fact]
    public async Task VariationsList_VariableProduct_ListsOnlyItsOwnVariationsWithTotals()
    {
        using var response = await Http.GetAsync(new Uri($"products/{IdOf("SHIRT")}/variations?per_page=1&page=2", UriKind.Relative));
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("X-WP-Total").Single());
        Assert.Equal("2", response.Headers.GetValues("X-WP-TotalPages").Single());
        Assert.Equal("SHIRT-L", (string?)Assert.Single(page)!["sku"]);
        Assert.Contains($"products/{IdOf("SHIRT")}/variations?per_page=1&page=1", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VariationsGet_KnownVariation_HasEveryDocumentedPropertyAndLinksUpToItsProduct()
    {
        var shirtId = IdOf("SHIRT");

        var large = await GetJson($"products/{shirtId}/variations/{IdOf("SHIRT-L")}");

        Assert.Equal([], VariationProperties.Where(name => !large.ContainsKey(name)).ToArray());
        Assert.Equal("outofstock", (string?)large["stock_status"]);
        Assert.Null(large["image"]);
        Assert.Equal("SHIRT-L", (string?)large["attributes"]![0]!["option"]);
        Assert.EndsWith($"/wp-json/wc/v3/products/{shirtId}", (string?)large["_links"]!["up"]![0]!["href"], StringComparison.Ordinal);
        Assert.EndsWith($"/wp-json/wc/v3/products/{shirtId}/variations/{IdOf("SHIRT-L")}", (string?)large["_links"]!["self"]![0]!["href"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VariationsGet_VariationOfAnotherProduct_Answers404VariationInvalidId()
    {
        using var response = await Http.GetAsync(new Uri($"products/{IdOf("SHIRT")}/variations/{IdOf("SOCK-S")}", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("woocommerce_rest_product_variation_invalid_id", (string?)body["code"]);
        Assert.Equal("Invalid ID.", (string?)body["message"]);
    }

    [Fact]
    public async Task VariationsUpdate_AnswersTheVariationShape()
    {
        using var response = await Http.PutAsync(
            new Uri($"products/{IdOf("SHIRT")}/variations/{IdOf("SHIRT-M")}", UriKind.Relative),
            WooCommerceFakeTests.JsonBody("""{"stock_quantity":9}"""));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(9, (int)body["stock_quantity"]!);
        Assert.Equal([], VariationProperties.Where(name => !body.ContainsKey(name)).ToArray());
        Assert.False(body.ContainsKey("variations"));
    }

    [Fact]
    public async Task NotesCreate_NoteLinksUpToItsOrder()
    {
        Woo.SeedOrder(Order(6001, Start, sku: "MUG"));

        using var response = await Http.PostAsync(new Uri("orders/6001/notes", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"note":"Packed"}"""));
        var note = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.EndsWith("/wp-json/wc/v3/orders/6001", (string?)note["_links"]!["up"]![0]!["href"], StringComparison.Ordinal);
    }


    [Fact]
    public async Task ProductsGetAndUpdate_VariationId_AnswerTheVariationInTheProductShape()
    {
        var medium = IdOf("SHIRT-M");

        var read = await GetJson($"products/{medium}");
        using var updated = await Http.PutAsync(new Uri($"products/{medium}", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"stock_quantity":4}"""));

        Assert.Equal("variation", (string?)read["type"]);
        Assert.Equal(IdOf("SHIRT"), (long)read["parent_id"]!);
        Assert.Equal([], ProductProperties.Where(name => !read.ContainsKey(name)).ToArray());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(4, Woo.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task SystemStatus_HasEveryDocumentedSectionAndProperty()
    {
        // The "System status properties" tables (_system-status.md); WooCommerce names the version "version", as the
        // reference's own example does, where its table says "wc_version".
        string[] environment =
        [
            "home_url", "site_url", "version", "log_directory", "log_directory_writable", "wp_version", "wp_multisite",
            "wp_memory_limit", "wp_debug_mode", "wp_cron", "language", "server_info", "php_version", "php_post_max_size",
            "php_max_execution_time", "php_max_input_vars", "curl_version", "suhosin_installed", "max_upload_size",
            "mysql_version", "default_timezone", "fsockopen_or_curl_enabled", "soapclient_enabled", "domdocument_enabled",
            "gzip_enabled", "mbstring_enabled", "remote_post_successful", "remote_post_response", "remote_get_successful",
            "remote_get_response",
        ];
        string[] settings =
        [
            "api_enabled", "force_ssl", "currency", "currency_symbol", "currency_position", "thousand_separator",
            "decimal_separator", "number_of_decimals", "geolocation_enabled", "taxonomies",
        ];

        var status = await GetJson("system_status");

        Assert.Equal([], new[] { "environment", "database", "active_plugins", "theme", "settings", "security", "pages" }.Where(name => !status.ContainsKey(name)).ToArray());
        Assert.Equal([], environment.Where(name => !status["environment"]!.AsObject().ContainsKey(name)).ToArray());
        Assert.Equal([], settings.Where(name => !status["settings"]!.AsObject().ContainsKey(name)).ToArray());
        Assert.True((bool)status["security"]!["secure_connection"]!);
    }

    private async Task<JsonObject> GetJson(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
