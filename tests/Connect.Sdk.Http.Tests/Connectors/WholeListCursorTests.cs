using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class WholeListCursorTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly OrderCursor Since = new(Start);
    private static readonly Instant ListedAt = Start + Duration.FromHours(5);

    [Fact]
    public void Hold_PageWithANewerChange_ResumesAtTheCursorReadFromAndKeepsItsOrders()
    {
        var page = PageTo(3);

        var held = new WholeListCursor(Since, ListedAt).Hold(page);

        Assert.Equal(Since, held.Resume);
        Assert.Same(page.Unreadable, held.Unreadable);
    }

    [Fact]
    public void End_NewestChangeOnAnEarlierPage_LastPageResumesThere()
    {
        var list = new WholeListCursor(Since, ListedAt);
        list.Hold(PageTo(3));

        var last = list.End(PageTo(1));

        Assert.Equal(new OrderCursor(Start + Duration.FromHours(3)), last.Resume);
        Assert.Equal(["1"], last.Unreadable.Select(u => u.OrderNumber));
    }

    [Fact]
    public void End_ChangeNewerThanListedAt_CappedAtListedAt()
    {
        var list = new WholeListCursor(Since, ListedAt);
        list.Hold(PageTo(9));

        Assert.Equal(new OrderCursor(ListedAt), list.End(new OrderPage([], [], Since)).Resume);
    }

    [Fact]
    public void End_ListedAtBeforeTheCursor_NeverMovesItBackwards()
    {
        var list = new WholeListCursor(Since, Start - Duration.FromMinutes(1));

        Assert.Equal(Since, list.End(PageTo(2)).Resume);
    }

    // A page whose one unreadable order names the hour it resumes at, so the test sees which page it is.
    private static OrderPage PageTo(int hours) =>
        new([], [new UnreadableOrder(hours.ToString(System.Globalization.CultureInfo.InvariantCulture), "test")], new OrderCursor(Start + Duration.FromHours(hours)));
}
