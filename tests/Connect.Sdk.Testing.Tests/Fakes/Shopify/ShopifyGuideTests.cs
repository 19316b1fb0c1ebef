using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>The Shopify fake's code in <c>docs/testing.md</c>, run.</summary>
public sealed class ShopifyGuideTests
{
    [Fact]
    public async Task Guide_StartAndSeed_AsDocumented()
    {
        var clock = new FakeClock(Start);
        var order = Order(1001, Start, sku: "MUG");

        #region snippet: testing-shopify-start
        await using var shop = ShopifyFake.Start("shpat_test", new MarketplaceFakeOptions { Clock = clock });
        shop.SeedArticle(new ForeignNumber(ForeignNumberLabel.Sku, "MUG"), stock: 7);          // a product without options
        var shirt = shop.SeedProduct("Shirt", ("SHIRT-S", 4), ("SHIRT-M", 7), ("SHIRT-L", 2));  // one product, three variants
        shop.SeedOrder(order);                                                                  // a MarketplaceOrder
        Uri endpoint = shop.GraphQLAddress("2026-04");   // http://127.0.0.1:{port}/admin/api/2026-04/graphql.json
        #endregion

        Assert.Equal(3, shirt.Count);
        Assert.Equal(7, shop.StockOf(Sku("MUG")));
        Assert.NotNull(shop.StatusOf("1001"));
        Assert.EndsWith("/admin/api/2026-04/graphql.json", endpoint.ToString(), StringComparison.Ordinal);
    }
}
