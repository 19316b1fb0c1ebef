using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>The token, orders and GraphQL calls the Shopify fake tests share.</summary>
internal static class ShopifyTestShop
{
    public const string Token = "shpat_0123456789abcdef0123456789abcdef";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 8, 0);

    public static ForeignNumber Sku(string value) => new(ForeignNumberLabel.Sku, value);

    public static ForeignNumber VariantId(string value) => new(ForeignNumberLabel.ShopifyVariantId, value);

    public static HttpClient Client(string? token = Token)
    {
        var http = new HttpClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-Shopify-Access-Token", token);
        }

        return http;
    }

    /// <summary>Posts a GraphQL document and returns the status and the raw body.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostRawAsync(HttpClient http, ShopifyFake shop, string query, JsonObject? variables = null, string version = ShopifyFake.DefaultApiVersion)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables ?? [] };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(shop.GraphQLAddress(version), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a GraphQL document and parses the answer, which must be 200.</summary>
    public static async Task<JsonNode> PostAsync(HttpClient http, ShopifyFake shop, string query, JsonObject? variables = null, string version = ShopifyFake.DefaultApiVersion)
    {
        var (status, body) = await PostRawAsync(http, shop, query, variables, version);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonNode.Parse(body)!;
    }

    public static MarketplaceOrder Order(int number, Instant updatedAt, string sku = "SHIRT-M", int quantity = 2, int secondQuantity = 0) => new()
    {
        OrderNumber = number.ToString(CultureInfo.InvariantCulture),
        MarketplaceOrderId = "shop-order",
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Lines = secondQuantity == 0
            ? [Line("a", sku, quantity)]
            : [Line("a", sku, quantity), Line("b", sku, secondQuantity)],
        ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        BuyerEmail = "erika@example.com",
    };

    private static OrderLine Line(string id, string sku, int quantity) => new()
    {
        LineId = id,
        ForeignNumber = Sku(sku),
        Title = "Shirt M",
        Quantity = quantity,
        UnitPrice = new Money(12.50m, CurrencyCode.Eur),
        TaxRate = 0.19m,
        TaxAmount = new Money(4.75m, CurrencyCode.Eur),
    };
}
