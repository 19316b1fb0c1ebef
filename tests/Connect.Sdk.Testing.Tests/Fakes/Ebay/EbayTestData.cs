using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Fakes.Ebay;

/// <summary>Credentials, orders and a client the eBay fake tests share.</summary>
internal static class EbayTestData
{
    public const string ClientId = "ConnectS-Erp-PRD-0a1b2c3d4-5e6f7a8b";
    public const string ClientSecret = "PRD-a1b2c3d4e5f6-0a1b-2c3d-4e5f-6a7b";
    public const string RefreshToken = "v^1.1#i^1#p^3#r^1#f^0#I^3#t^Ul4xMF8yOkZBNDg=";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 2, 12, 0);

    public static EbayCredentials Credentials { get; } = new(ClientId, ClientSecret, RefreshToken);

    public static ForeignNumber Sku(string sku) => new(ForeignNumberLabel.Sku, sku);

    public static string OrderId(int n) => string.Create(CultureInfo.InvariantCulture, $"12-{n:D5}-{n * 7 % 100_000:D5}");

    public static MarketplaceOrder Order(int n, Instant at, string sku = "MUG-BLUE", int quantity = 2, decimal unitPrice = 12.50m) => new()
    {
        OrderNumber = OrderId(n),
        MarketplaceOrderId = OrderId(n),
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = string.Create(CultureInfo.InvariantCulture, $"{10_000_000_000 + n}"),
                ForeignNumber = Sku(sku),
                Title = "Mug blue",
                Quantity = quantity,
                UnitPrice = new Money(unitPrice, CurrencyCode.Eur),
            },
        ],
    };

    public static EbayFake StartEbay(IClock clock, EbayCallLimits? limits = null) =>
        EbayFake.Start(Credentials, new MarketplaceFakeOptions { Clock = clock }, limits);

    public static HttpRequestMessage TokenRequest(EbayFake ebay, string clientSecret = ClientSecret, string refreshToken = RefreshToken, string? scope = null, bool clientCredentials = false)
    {
        var form = clientCredentials
            ? new Dictionary<string, string> { ["grant_type"] = "client_credentials" }
            : new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ebay.BaseAddress, "identity/v1/oauth2/token")) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{clientSecret}")));
        return request;
    }

    /// <summary>Exchanges the refresh token (or the application's keys) and returns a client that sends the access token.</summary>
    public static async Task<HttpClient> ClientAsync(EbayFake ebay, string? scope = null, bool clientCredentials = false)
    {
        var http = new HttpClient { BaseAddress = ebay.BaseAddress };
        using var request = TokenRequest(ebay, scope: scope, clientCredentials: clientCredentials);
        using var token = await http.SendAsync(request);
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body!["access_token"]!);
        return http;
    }

    public static Task<HttpResponseMessage> BulkUpdate(HttpClient http, JsonArray requests) =>
        http.PostAsync(new Uri("sell/inventory/v1/bulk_update_price_quantity", UriKind.Relative), new StringContent(new JsonObject { ["requests"] = requests }.ToJsonString(), Encoding.UTF8, "application/json"));

    public static JsonObject QuantityRequest(string sku, int quantity) =>
        new() { ["sku"] = sku, ["shipToLocationAvailability"] = new JsonObject { ["quantity"] = quantity } };

    public static JsonObject OfferRequest(string sku, string? offerId, int? quantity = null, string? price = null, string currency = "EUR")
    {
        var offer = new JsonObject { ["offerId"] = offerId };
        if (quantity is not null)
        {
            offer["availableQuantity"] = quantity;
        }

        if (price is not null)
        {
            offer["price"] = new JsonObject { ["value"] = price, ["currency"] = currency };
        }

        return new JsonObject { ["sku"] = sku, ["offers"] = new JsonArray(offer) };
    }

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string EbayTime(Instant instant) => instant.ToString("uuuu-MM-ddTHH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
