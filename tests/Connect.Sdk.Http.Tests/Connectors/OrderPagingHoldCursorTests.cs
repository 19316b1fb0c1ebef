using System.Diagnostics.CodeAnalysis;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class OrderPagingHoldCursorTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly OrderCursor Since = new(Start);
    private static readonly Instant ListedAt = Start + Duration.FromHours(5);

    [Fact]
    public async Task HoldCursorToEndOfListAsync_FailsAfterFirstPage_EveryPageSeenKeepsTheCursor()
    {
        var seen = new List<OrderPage>();

        await Assert.ThrowsAsync<ConnectSdkException>(async () =>
        {
            await foreach (var page in OrderPaging.HoldCursorToEndOfListAsync(FailAfter(PageTo(3)), Since, ListedAt, CancellationToken.None))
            {
                seen.Add(page);
            }
        });

        var only = Assert.Single(seen);
        Assert.Equal(Since, only.Resume);
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_WholeListRead_EndPageMovesToTheNewestChangeOfAnyPage()
    {
        var pages = await ToListAsync(OrderPaging.HoldCursorToEndOfListAsync(Pages(PageTo(3), PageTo(1)), Since, ListedAt, CancellationToken.None));

        Assert.Equal([Since, Since, new OrderCursor(Start + Duration.FromHours(3))], pages.Select(p => p.Resume));
        Assert.Equal(["3", "1"], pages.SelectMany(p => p.Unreadable).Select(u => u.OrderNumber));
        Assert.Empty(pages[^1].Orders);
        Assert.Empty(pages[^1].Unreadable);
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_ChangeNewerThanListedAt_CapsTheCursorAtListedAt()
    {
        var pages = await ToListAsync(OrderPaging.HoldCursorToEndOfListAsync(Pages(PageTo(1), PageTo(9)), Since, ListedAt, CancellationToken.None));

        Assert.Equal(new OrderCursor(ListedAt), pages[^1].Resume);
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_ListedAtBeforeTheCursor_NeverMovesItBackwards()
    {
        var clockBehind = Start - Duration.FromMinutes(1);

        var pages = await ToListAsync(OrderPaging.HoldCursorToEndOfListAsync(Pages(PageTo(2)), Since, clockBehind, CancellationToken.None));

        Assert.Equal([Since], pages.Select(p => p.Resume));
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_OnlyUnreadableOrders_PassesThemOnAndLeavesTheCursor()
    {
        var page = OrderPage.Map(["A-1", "A-2"], AsUnreadable, Since);

        var pages = await ToListAsync(OrderPaging.HoldCursorToEndOfListAsync(Pages(page), Since, ListedAt, CancellationToken.None));

        var only = Assert.Single(pages);
        Assert.Equal(["A-1", "A-2"], only.Unreadable.Select(u => u.OrderNumber));
        Assert.Equal(Since, only.Resume);
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_EmptyList_YieldsNothing()
    {
        var pages = await ToListAsync(OrderPaging.HoldCursorToEndOfListAsync(Pages(), Since, ListedAt, CancellationToken.None));

        Assert.Empty(pages);
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_CancelledWhileReading_ThrowsWithoutMovingTheCursor()
    {
        using var cancel = new CancellationTokenSource();
        var seen = new List<OrderPage>();

        // The pages ignore the token, as a reader that checks it only between calls may: the end must still not be told.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in OrderPaging.HoldCursorToEndOfListAsync(Pages(PageTo(2), PageTo(3)), Since, ListedAt, cancel.Token))
            {
                seen.Add(page);
                await cancel.CancelAsync();
            }
        });

        Assert.All(seen, p => Assert.Equal(Since, p.Resume));
    }

    [Fact]
    public async Task HoldCursorToEndOfListAsync_CancellationToken_ReachesThePages()
    {
        using var cancel = new CancellationTokenSource();
        var reached = CancellationToken.None;

        await ToListAsync(OrderPaging.HoldCursorToEndOfListAsync(Observe(t => reached = t), Since, ListedAt, cancel.Token));

        Assert.True(reached.CanBeCanceled);
    }

    // A page whose one unreadable order names the hour it resumes at, so the test sees which page it is.
    private static OrderPage PageTo(int hours) =>
        new([], [new UnreadableOrder(hours.ToString(System.Globalization.CultureInfo.InvariantCulture), "test")], new OrderCursor(Start + Duration.FromHours(hours)));

#pragma warning disable CS1998 // The pages are there at once; the signature is the reader's.
    private static async IAsyncEnumerable<OrderPage> Pages(params OrderPage[] pages)
    {
        foreach (var page in pages)
        {
            yield return page;
        }
    }

    private static async IAsyncEnumerable<OrderPage> FailAfter(OrderPage page)
    {
        yield return page;
        throw new ConnectSdkException(ConnectSdkErrorCode.MarketplaceUnavailable, "page 2 failed");
    }

    private static async IAsyncEnumerable<OrderPage> Observe(Action<CancellationToken> reached, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        reached(cancellationToken);
        yield break;
    }
#pragma warning restore CS1998

    private static bool AsUnreadable(string payload, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? unreadable)
    {
        order = null;
        unreadable = new UnreadableOrder(payload, "test");
        return false;
    }

    private static async Task<List<OrderPage>> ToListAsync(IAsyncEnumerable<OrderPage> pages)
    {
        var read = new List<OrderPage>();
        await foreach (var page in pages)
        {
            read.Add(page);
        }

        return read;
    }
}
