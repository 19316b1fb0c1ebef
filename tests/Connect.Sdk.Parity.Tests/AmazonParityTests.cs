using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Parity.Tests.Node;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Xunit.Abstractions;

namespace Connect.Sdk.Parity.Tests;

/// <summary>
/// The community's most used SP-API client, <c>amazon-sp-api</c> 1.2.1, against the Amazon fake: it signs in with a
/// JSON token exchange, pages orders, reads orders, items and a listing whose SKU has a slash and a plus, patches a quantity,
/// confirms a shipment and refreshes a token the fake's clock let expire (<c>tests/parity/amazon.mjs</c>).
/// </summary>
public sealed class AmazonParityTests(ITestOutputHelper output)
{
    private const int OrderCount = 12;
    private const string Sku = "MUG/BLUE+1";
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 8, 0);
    private static readonly AmazonCredentials Credentials = new(
        "amzn1.application-oa2-client.0123456789abcdef", "amzn1.oa2-cs.v1.5ecret0f7he4pp1ica7ion", "Atzr|IwEBIRefreshTokenOfTheSeller0123456789", "A2EXAMPLE1SELLER");

    [Fact]
    public async Task AmazonSpApiClient_SignsInPagesReadsWritesAndRefreshes_EveryCheckPasses()
    {
        var clock = new FakeClock(Start);
        await using var amazon = AmazonSellingPartnerFake.Start(Credentials, new MarketplaceFakeOptions { Clock = clock });
        amazon.SeedArticle(new ForeignNumber(ForeignNumberLabel.SkuFbm, Sku), 40);
        for (var n = 1; n <= OrderCount; n++)
        {
            amazon.SeedOrder(Order(n, n == 1 ? OrderStatus.Shipped : OrderStatus.Open));
        }

        // A token the client held from an earlier run: issued now, expired once the fake's clock is past its hour.
        var expiredToken = await IssueAccessTokenAsync(amazon);
        clock.Advance(Duration.FromSeconds(3601));

        var run = await NodeClient.RunAsync("amazon.mjs", new Dictionary<string, string>
        {
            ["AMAZON_FAKE_URL"] = amazon.BaseAddress.ToString(),
            ["AMAZON_CLIENT_ID"] = Credentials.ClientId,
            ["AMAZON_CLIENT_SECRET"] = Credentials.ClientSecret,
            ["AMAZON_REFRESH_TOKEN"] = Credentials.RefreshToken,
            ["AMAZON_SELLER_ID"] = Credentials.SellerId,
            ["AMAZON_MARKETPLACE_ID"] = AmazonSellingPartnerFake.DefaultMarketplaceId,
            ["AMAZON_UPDATED_AFTER"] = InstantPattern.General.Format(Start),
            ["AMAZON_ORDER_COUNT"] = OrderCount.ToString(CultureInfo.InvariantCulture),
            ["AMAZON_SHIPPABLE_ORDER_ID"] = OrderId(2),
            ["AMAZON_SKU"] = Sku,
            ["AMAZON_EXPIRED_ACCESS_TOKEN"] = expiredToken,
        }, CancellationToken.None);
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(amazon.HandlerErrors);
        Assert.Equal((14, 0), (run.Passed, run.Failed));
        Assert.Equal(7, amazon.StockOf(new ForeignNumber(ForeignNumberLabel.SkuFbm, Sku)));
        Assert.Equal(new Money(24.90m, CurrencyCode.Eur), amazon.PriceOf(new ForeignNumber(ForeignNumberLabel.SkuFbm, Sku))?.Price);
        Assert.Equal("00340434161094042557", Assert.Single(amazon.ShipmentsOf(OrderId(2))).TrackingNumber);
    }

    private static async Task<string> IssueAccessTokenAsync(AmazonSellingPartnerFake amazon)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = Credentials.RefreshToken,
            ["client_id"] = Credentials.ClientId,
            ["client_secret"] = Credentials.ClientSecret,
        });
        using var response = await http.PostAsync(amazon.TokenAddress, form);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    private static string OrderId(int n) => string.Create(CultureInfo.InvariantCulture, $"302-{n:D7}-{n * 7 % 10_000_000:D7}");

    private static MarketplaceOrder Order(int n, OrderStatus status) => new()
    {
        OrderNumber = OrderId(n),
        MarketplaceOrderId = OrderId(n),
        CreatedAt = Start + Duration.FromMinutes(n),
        UpdatedAt = Start + Duration.FromMinutes(n),
        Currency = CurrencyCode.Eur,
        Status = status,
        ShippingCost = new Money(3.99m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = string.Create(CultureInfo.InvariantCulture, $"{68828574380000 + n}"),
                ForeignNumber = new ForeignNumber(ForeignNumberLabel.SkuFbm, Sku),
                Title = "Mug blue",
                Quantity = 2,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                TaxAmount = new Money(3.99m, CurrencyCode.Eur),
            },
        ],
    };
}
