using Connect.Sdk.Features;
using Connect.Sdk.Orders;
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

    [Fact]
    public async Task Import_OrderChangedOnAReadPageWhileALaterPageHoldsANewerChange_CursorStopsWhereTheListingBegan()
    {
        Action change = () => { };
        var secondPage = new ChangeBeforeOrderPageHandler(page: 2, () => change());
        await using var shop = await ShopwareTestShop.StartAsync(null, null, services => services.AddHttpClient(Http.ShopwareClient.ClientName).AddHttpMessageHandler(() => secondPage), FeatureKind.Orders);
        shop.AddArticle("MUG-1", erpStock: 500);
        for (var i = 0; i < ShopwareApi.OrderPageSize; i++)
        {
            shop.SeedOrder((20000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "MUG-1", minutesAgo: 300);
        }

        shop.SeedOrder("20100", "MUG-1", minutesAgo: 100);
        var changedOnReadPage = NodaTime.Instant.MaxValue;
        change = () =>
        {
            // After the first page was read: 20000 on it changes, then 20100 on the second page changes later still.
            // The shop stamps changes on the host's fake time, the one its HTTP clients wait on.
            shop.Host.Time.Advance(TimeSpan.FromSeconds(5));
            changedOnReadPage = NodaTime.Instant.FromDateTimeOffset(shop.Host.Time.GetUtcNow());
            shop.Fake.ChangeOrder("20000", _ => { });
            shop.Host.Time.Advance(TimeSpan.FromSeconds(5));
            shop.Fake.ChangeOrder("20100", _ => { });
        };
        secondPage.Armed = true;

        await shop.Host.RunDueAsync();
        var cursor = await shop.Host.Get<IOrderStagingStore>().GetCursorAsync(shop.Connection, CancellationToken.None);

        Assert.Equal(ShopwareApi.OrderPageSize + 1, shop.Host.Orders.Orders.Count);
        Assert.False(secondPage.Armed);
        Assert.True(cursor?.ChangedSince < changedOnReadPage, $"The cursor {cursor} passed the change at {changedOnReadPage} on a page read already.");
    }
}
