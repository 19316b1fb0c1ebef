using Connect.Sdk.Features;
using Connect.Sdk.Shopware.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopware.Tests.Orders;

/// <summary>
/// The order search is sorted by <c>createdAt</c>, so a page can hold an old order changed a minute ago before a later
/// page's orders changed earlier: a run broken off after a page must not have moved the cursor past the unread pages.
/// </summary>
public sealed class ShopwareOrderCursorTests
{
    [Fact]
    public async Task Import_RunFailsAfterFirstPageHoldingARecentChange_NextRunReadsTheSecondPage()
    {
        var broken = new BrokenOrderPageHandler(page: 2);
        await using var shop = await ShopwareTestShop.StartAsync(null, null, services => services.AddHttpClient(Http.ShopwareClient.ClientName).AddHttpMessageHandler(() => broken), FeatureKind.Orders);
        shop.AddArticle("MUG-1", erpStock: 500);
        shop.SeedOrder("20000", "MUG-1", minutesAgo: 300);
        for (var i = 1; i < ShopwareApi.OrderPageSize; i++)
        {
            shop.SeedOrder((20000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "MUG-1", minutesAgo: 200);
        }

        shop.SeedOrder("20100", "MUG-1", minutesAgo: 100);
        shop.Fake.ChangeOrder("20000", _ => { });
        broken.Armed = true;

        await shop.Host.RunDueAsync();
        Assert.Equal(ShopwareApi.OrderPageSize, shop.Host.Orders.Orders.Count);
        Assert.DoesNotContain(shop.Host.Orders.Orders, o => o.Order.OrderNumber == "20100");

        broken.Armed = false;
        await shop.Host.RunForAsync(NodaTime.Duration.FromMinutes(30));

        Assert.Contains(shop.Host.Orders.Orders, o => o.Order.OrderNumber == "20100");
    }
}
