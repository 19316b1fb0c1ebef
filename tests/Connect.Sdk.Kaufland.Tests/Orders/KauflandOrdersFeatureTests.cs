using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Orders;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using NodaTime;

namespace Connect.Sdk.Kaufland.Tests.Orders;

/// <summary>Order units (one per piece) are read page by page and grouped back into whole orders.</summary>
public sealed class KauflandOrdersFeatureTests
{
    private static readonly ForeignNumber Mug = new(ForeignNumberLabel.ApiUnitId, "400000001");
    private static readonly ForeignNumber Towel = new(ForeignNumberLabel.ApiUnitId, "400000002");

    [Fact]
    public async Task FetchChangedOrders_UnitsOfOneOrderOnTwoPages_OneOrderWithBothPieces()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 50);
        seller.Fake.SeedArticle(Towel, 50);
        var start = Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromHours(3);

        // Listed oldest first: the 99 earlier orders fill offsets 0–98, the two pieces of order SPLIT1 offsets 99 and 100.
        for (var i = 1; i <= 99; i++)
        {
            seller.Fake.SeedOrder(KauflandTestOrders.Order(string.Create(CultureInfo.InvariantCulture, $"EARLIER{i:00}"), start + Duration.FromMinutes(i), (Towel, 1)));
        }

        seller.Fake.SeedOrder(KauflandTestOrders.Order("SPLIT1", start + Duration.FromMinutes(100), (Mug, 2)));

        var orders = (await ReadAllAsync(seller, new OrderCursor(start))).SelectMany(p => p.Orders).ToArray();

        Assert.Equal(100, orders.Length);
        Assert.Equal(100, orders.Select(o => o.OrderNumber).Distinct().Count());
        var split = Assert.Single(orders, o => o.OrderNumber == "SPLIT1");
        var line = Assert.Single(split.Lines);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(Mug, line.ForeignNumber);

        // Both list pages were read, oldest placed first, before any order; SPLIT1, the newest change, comes last.
        Assert.Equal(2, seller.Fake.Requests.Count(r => r.Operation == "order-units.list" && r.PathAndQuery.Contains("sort=ts_created%3Aasc", StringComparison.Ordinal)));
        Assert.Equal("SPLIT1", orders[^1].OrderNumber);
    }

    [Fact]
    public async Task FetchChangedOrders_RunStoppedAfterTheFirstPage_NextRunLosesNoOrder()
    {
        var edited = false;
        KauflandTestSeller? current = null;
        await using var seller = await KauflandTestSeller.StartAsync(configure: s => s.AddSingleton<IHttpMessageHandlerBuilderFilter>(new AnswerHook(path =>
        {
            // While the first page's orders are read, a buyer's change stamps ORDER050 (on that page) with the time now.
            if (!edited && path.Contains("/orders/", StringComparison.Ordinal))
            {
                edited = true;
                current!.Fake.SetOrderUnitStatus(UnitOf(current, "ORDER050"), "received");
            }
        })));
        current = seller;
        seller.Fake.SeedArticle(Mug, 500);
        var start = Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromHours(5);
        var numbers = Enumerable.Range(0, 150).Select(i => string.Create(CultureInfo.InvariantCulture, $"ORDER{i:000}")).ToArray();
        for (var i = 0; i < numbers.Length; i++)
        {
            seller.Fake.SeedOrder(KauflandTestOrders.Order(numbers[i], start + Duration.FromMinutes(i), (Mug, 1)));
        }

        var since = new OrderCursor(start - Duration.FromMinutes(1));
        var first = await seller.DriveAsync(async () =>
        {
            await foreach (var page in seller.Feature<IOrdersFeature>().FetchChangedOrdersAsync(seller.Context, since, CancellationToken.None))
            {
                return page; // the run stops here, as a crash between two pages would
            }

            throw new InvalidOperationException("No page.");
        });
        var second = await ReadAllAsync(seller, first.Resume);

        Assert.Equal(100, first.Orders.Count);
        Assert.Equal(since, first.Resume);
        Assert.Equal(numbers, first.Orders.Concat(second.SelectMany(p => p.Orders)).Select(o => o.OrderNumber).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FetchChangedOrders_UnitChangedWhileTheListIsRead_NextRunReadsIt()
    {
        var edited = false;
        KauflandTestSeller? current = null;
        await using var seller = await KauflandTestSeller.StartAsync(configure: s => s.AddSingleton<IHttpMessageHandlerBuilderFilter>(new AnswerHook(path =>
        {
            // After the first list page: EARLY1, placed before all others, changes and joins the list behind the offset;
            // two minutes later ORDER149, on the page still to come, changes too.
            if (!edited && path.Contains("order-units?", StringComparison.Ordinal) && path.Contains("offset=0", StringComparison.Ordinal))
            {
                edited = true;
                current!.Fake.SetOrderUnitStatus(UnitOf(current, "EARLY1"), "received");
                current.Time.Advance(TimeSpan.FromMinutes(2));
                current.Fake.SetOrderUnitStatus(UnitOf(current, "ORDER149"), "received");
            }
        })));
        current = seller;
        seller.Fake.SeedArticle(Mug, 500);
        var start = Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromHours(5);
        seller.Fake.SeedOrder(KauflandTestOrders.Order("EARLY1", start - Duration.FromHours(1), (Mug, 1)));
        for (var i = 0; i < 150; i++)
        {
            seller.Fake.SeedOrder(KauflandTestOrders.Order(string.Create(CultureInfo.InvariantCulture, $"ORDER{i:000}"), start + Duration.FromMinutes(i), (Mug, 1)));
        }

        var first = await ReadAllAsync(seller, new OrderCursor(start - Duration.FromMinutes(1)));
        var second = await ReadAllAsync(seller, first[^1].Resume);

        Assert.DoesNotContain(first.SelectMany(p => p.Orders), o => o.OrderNumber == "EARLY1");
        Assert.Contains(second.SelectMany(p => p.Orders), o => o.OrderNumber == "EARLY1");
    }

    [Fact]
    public async Task FetchChangedOrders_WholeListRead_CursorMovesToTheNewestChangeReadNotToTheConnectionsClock()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 50);
        var now = Instant.FromDateTimeOffset(seller.Time.GetUtcNow());
        seller.Fake.SeedOrder(KauflandTestOrders.Order("NEWER1", now - Duration.FromHours(2), (Mug, 1)));
        seller.Fake.SeedOrder(KauflandTestOrders.Order("OLDER1", now - Duration.FromHours(3), (Mug, 1)));

        var pages = await ReadAllAsync(seller, new OrderCursor(now - Duration.FromHours(4)));

        var newest = pages.SelectMany(p => p.Orders).Max(o => o.UpdatedAt);
        Assert.True(newest < now, "The orders changed before the list was asked for.");
        Assert.Equal(new OrderCursor(newest), pages[^1].Resume);
    }

    [Fact]
    public async Task FetchOrdersByNumber_KnownAndUnknown_FoundAndNotFound()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 5);
        seller.Fake.SeedOrder(KauflandTestOrders.Order("MHRYPC1", Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromMinutes(5), (Mug, 3)));

        var result = await seller.DriveAsync(async () => await seller.Feature<IOrdersFeature>().FetchOrdersByNumberAsync(seller.Context, ["MHRYPC1", "NOPE"], CancellationToken.None));

        Assert.Equal(3, Assert.Single(Assert.Single(result.Found).Lines).Quantity);
        Assert.Equal(["NOPE"], result.NotFound);
    }

    [Fact]
    public async Task FetchOrdersByNumber_OfferIdWithReservedCharacters_ItsUnitFoundThroughASignedQuery()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Mug, 5);
        var order = KauflandTestOrders.Order("M8CXTB1", Instant.FromDateTimeOffset(seller.Time.GetUtcNow()) - Duration.FromMinutes(5), (Mug, 1));
        seller.Fake.SeedOrder(order with { Lines = [order.Lines[0] with { Sku = "MUG+1/blue & white=50%" }] });

        var result = await seller.DriveAsync(async () => await seller.Feature<IOrdersFeature>().FetchOrdersByNumberAsync(seller.Context, ["M8CXTB1"], CancellationToken.None));

        // The query carries the offer id percent-encoded; the fake checks the signature over the query exactly as sent.
        var line = Assert.Single(Assert.Single(result.Found).Lines);
        Assert.Equal(Mug, line.ForeignNumber);
        Assert.Equal("MUG+1/blue & white=50%", line.Sku);
        Assert.Contains(seller.Fake.Requests, r => r.Operation == "units.list" && r.StatusCode == 200 && r.PathAndQuery.Contains("id_offer=MUG%2B1%2Fblue%20%26%20white%3D50%25", StringComparison.Ordinal));
    }

    private static async Task<List<OrderPage>> ReadAllAsync(KauflandTestSeller seller, OrderCursor since) =>
        await seller.DriveAsync(async () =>
        {
            var read = new List<OrderPage>();
            await foreach (var page in seller.Feature<IOrdersFeature>().FetchChangedOrdersAsync(seller.Context, since, CancellationToken.None))
            {
                Assert.Empty(page.Unreadable);
                read.Add(page);
            }

            return read;
        });

    private static long UnitOf(KauflandTestSeller seller, string orderNumber) =>
        seller.Fake.OrderUnitsOf(orderNumber)[0]["id_order_unit"]!.GetValue<long>();
}
