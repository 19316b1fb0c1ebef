using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Orders;
using CsCheck;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

public sealed class OrderPageTests
{
    private static readonly Instant Since = Instant.FromUtc(2026, 3, 1, 8, 0);

    // A payload is a minute offset from Since, or null for an order the marketplace sent broken.
    private static bool TryMap(int? minutes, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? unreadable)
    {
        order = null;
        unreadable = null;
        if (minutes is not { } m)
        {
            unreadable = new UnreadableOrder("(no number)", "broken");
            return false;
        }

        order = TestOrders.Order("m" + m, Since + Duration.FromMinutes(m));
        return true;
    }

    [Fact]
    public void Map_MixedPage_SortsOrdersAndUnreadableAndResumesAtTheNewestChange()
    {
        var page = OrderPage.Map<int?>([5, null, 30, 12], TryMap, new OrderCursor(Since));

        Assert.Equal(["m5", "m30", "m12"], page.Orders.Select(o => o.OrderNumber));
        Assert.Equal("broken", Assert.Single(page.Unreadable).Reason);
        Assert.Equal(Since + Duration.FromMinutes(30), page.Resume.ChangedSince);
    }

    [Fact]
    public void Map_OnlyUnreadableOrders_KeepsTheCursor()
    {
        var page = OrderPage.Map<int?>([null, null], TryMap, new OrderCursor(Since));

        Assert.Empty(page.Orders);
        Assert.Equal(2, page.Unreadable.Count);
        Assert.Equal(Since, page.Resume.ChangedSince);
    }

    [Fact]
    public void Map_OnlyOrdersOlderThanTheCursor_KeepsTheCursor()
    {
        var page = OrderPage.Map<int?>([-5, -30], TryMap, new OrderCursor(Since));

        Assert.Equal(2, page.Orders.Count);
        Assert.Equal(Since, page.Resume.ChangedSince);
    }

    [Fact]
    public void Map_AnyPage_KeepsEveryOrderOnceInItsPlace_AndResumesAtTheNewestReadableChange()
    {
        Gen.Int[-60, 600].Nullable().Array[0, 30].Sample(payloads =>
        {
            var page = OrderPage.Map(payloads, TryMap, new OrderCursor(Since));

            var readable = payloads.OfType<int>().ToArray();
            Assert.Equal(readable.Select(m => "m" + m), page.Orders.Select(o => o.OrderNumber));
            Assert.Equal(payloads.Length - readable.Length, page.Unreadable.Count);
            var expected = readable.Length == 0 ? Since : Since + Duration.FromMinutes(Math.Max(0, readable.Max()));
            Assert.Equal(expected, page.Resume.ChangedSince);
        });
    }
}
