using System.Globalization;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Parity.Tests.Node;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime;
using NodaTime.Testing;
using Xunit.Abstractions;

namespace Connect.Sdk.Parity.Tests;

/// <summary>
/// Shopify's published Admin API client, <c>@shopify/admin-api-client</c> 2.0.0, drives the Shopify fake through
/// <c>tests/parity/shopify.mjs</c>: sign-in, cursor paging, a multi-root aliased query with fragments and variables,
/// and the writes the SDK's adapter makes (stock, prices, fulfillments). Every check must pass, and the fake must hold what the client wrote.
/// </summary>
public sealed class ShopifyParityTests(ITestOutputHelper output)
{
    private const string Token = "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";
    private const int OrderCount = 7;
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 8, 0);

    [Fact]
    public async Task AdminApiClient_SignsInPagesReadsAndWrites_EveryCheckPasses()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = new FakeClock(Start) });
        shop.SeedProduct("Shirt", ("SHIRT-S", 4), ("SHIRT-M", 7), ("SHIRT-L", 2));
        for (var i = 0; i < OrderCount; i++)
        {
            shop.SeedOrder(Order(1001 + i, Start + Duration.FromMinutes(i)));
        }

        var run = await NodeClient.RunAsync(
            "shopify.mjs",
            new Dictionary<string, string>
            {
                ["SHOPIFY_BASE_ADDRESS"] = shop.BaseAddress.ToString(),
                ["SHOPIFY_ACCESS_TOKEN"] = Token,
                ["SHOPIFY_API_VERSION"] = ShopifyFake.DefaultApiVersion,
                ["SHOPIFY_ORDER_COUNT"] = OrderCount.ToString(CultureInfo.InvariantCulture),
                ["SHOPIFY_FULFIL_ORDER"] = "1001",
                ["SHOPIFY_LOCATION_ID"] = $"gid://shopify/Location/{shop.LocationId}",
            },
            CancellationToken.None);
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(shop.HandlerErrors);
        Assert.Equal((12, 0), (run.Passed, run.Failed));
        Assert.Equal(new FakePrice(new Money(22.90m, CurrencyCode.Eur), null), shop.PriceOf(new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-L")));
        Assert.Equal(ShopifyFake.DefaultPrice, shop.PriceOf(new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-S"))!.Price.Amount);
        Assert.Equal((4, 12, 6), (Sku(shop, "SHIRT-S"), Sku(shop, "SHIRT-M"), Sku(shop, "SHIRT-L")));
        Assert.Equal("1Z999AA10123456784", Assert.Single(shop.ShipmentsOf("1001")).TrackingNumber);
        Assert.Equal(OrderStatus.Shipped, shop.StatusOf("1001"));
    }

    private static int? Sku(ShopifyFake shop, string sku) => shop.StockOf(new ForeignNumber(ForeignNumberLabel.Sku, sku));

    private static MarketplaceOrder Order(int number, Instant updatedAt) => new()
    {
        OrderNumber = number.ToString(CultureInfo.InvariantCulture),
        MarketplaceOrderId = "shop-order",
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        Lines =
        [
            new OrderLine
            {
                LineId = $"{number}-1",
                ForeignNumber = new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M"),
                Title = "Shirt M",
                Quantity = 2,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
            },
        ],
        ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        BuyerEmail = "erika@example.com",
    };
}
