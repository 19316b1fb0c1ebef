using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

/// <summary>Credentials, orders and a client the Amazon fake tests share.</summary>
internal static class AmazonTestData
{
    public const string ClientId = "amzn1.application-oa2-client.0123456789abcdef";
    public const string ClientSecret = "amzn1.oa2-cs.v1.5ecret0f7he4pp1ica7ion";
    public const string RefreshToken = "Atzr|IwEBIRefreshTokenOfTheSeller0123456789";
    public const string SellerId = "A2EXAMPLE1SELLER";
    public const string Marketplace = AmazonSellingPartnerFake.DefaultMarketplaceId;

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 8, 0);

    public static AmazonCredentials Credentials { get; } = new(ClientId, ClientSecret, RefreshToken, SellerId);

    public static ForeignNumber Fbm(string sku) => new(ForeignNumberLabel.SkuFbm, sku);

    public static ForeignNumber Fba(string sku) => new(ForeignNumberLabel.SkuFba, sku);

    public static string OrderId(int n) => string.Create(CultureInfo.InvariantCulture, $"302-{n:D7}-{n * 7 % 10_000_000:D7}");

    public static MarketplaceOrder Order(int n, Instant updatedAt, ForeignNumber? sku = null, int quantity = 2, OrderStatus? status = null) => new()
    {
        OrderNumber = OrderId(n),
        MarketplaceOrderId = OrderId(n),
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = status ?? OrderStatus.Open,
        ShippingCost = new Money(3.99m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = string.Create(CultureInfo.InvariantCulture, $"{68828574380000 + n}"),
                ForeignNumber = sku ?? Fbm("MUG-BLUE"),
                Title = "Mug blue",
                Quantity = quantity,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                TaxAmount = new Money(3.99m, CurrencyCode.Eur),
            },
        ],
        ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
    };

    public static FormUrlEncodedContent TokenRequest(string refreshToken = RefreshToken, string clientSecret = ClientSecret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
        ["client_id"] = ClientId,
        ["client_secret"] = clientSecret,
    });

    /// <summary>Exchanges the refresh token and returns a client that sends the access token, as an SP-API client does.</summary>
    public static async Task<HttpClient> ClientAsync(AmazonSellingPartnerFake amazon)
    {
        var http = new HttpClient { BaseAddress = amazon.BaseAddress };
        using var token = await http.PostAsync(amazon.TokenAddress, TokenRequest());
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        http.DefaultRequestHeaders.Add("x-amz-access-token", (string)body!["access_token"]!);
        return http;
    }

    public static AmazonSellingPartnerFake StartAmazon(IClock clock, Testing.Faults.FaultPlan? faults = null) =>
        AmazonSellingPartnerFake.Start(Credentials, new MarketplaceFakeOptions { Clock = clock, Faults = faults ?? new() });

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string Iso(Instant instant) => instant.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
