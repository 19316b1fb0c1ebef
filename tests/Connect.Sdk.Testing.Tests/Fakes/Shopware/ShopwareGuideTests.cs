using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopware;

/// <summary>The Shopware fake's code in <c>docs/testing.md</c>, run.</summary>
public sealed class ShopwareGuideTests
{
    [Fact]
    public async Task Guide_StartAndSeed_AsDocumented()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 1, 8, 0));
        var order = new MarketplaceOrder
        {
            OrderNumber = "10001",
            MarketplaceOrderId = "10001",
            CreatedAt = clock.GetCurrentInstant(),
            UpdatedAt = clock.GetCurrentInstant(),
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines = [new OrderLine { LineId = "1000101", ForeignNumber = new ForeignNumber(ForeignNumberLabel.ArticleNumber, "MUG-1"), Title = "Mug", Quantity = 1, UnitPrice = new Money(9.99m, CurrencyCode.Eur) }],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        };

        #region snippet: testing-shopware-start
        await using var shop = ShopwareFake.Start(new ShopwareCredentials("SWIAEXAMPLE", "secret"), new MarketplaceFakeOptions { Clock = clock });
        shop.SeedArticle(new ForeignNumber(ForeignNumberLabel.ArticleNumber, "MUG-1"), stock: 7);   // productNumber MUG-1
        shop.SeedVariant(new ForeignNumber(ForeignNumberLabel.ArticleNumber, "SHIRT-S"), 4, "SHIRT"); // a variant of SHIRT
        shop.SeedOrder(order);                                                                         // a MarketplaceOrder
        Uri api = new(shop.BaseAddress, "api/");                                                      // the Admin API
        #endregion

        Assert.Equal(7, shop.StockOf(new ForeignNumber(ForeignNumberLabel.ArticleNumber, "MUG-1")));
        Assert.Equal(OrderStatus.Open, shop.StatusOf("10001"));
        Assert.Equal(shop.Product("SHIRT")!["id"]!.ToString(), shop.Product("SHIRT-S")!["parentId"]!.ToString());
        Assert.EndsWith("/api/", api.ToString(), StringComparison.Ordinal);
    }
}
