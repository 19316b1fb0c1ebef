using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Http;

/// <summary>
/// The import's cursor for a list of changed orders that is not sorted by change time: an early page can hold an order
/// changed a second ago and a later page one changed hours ago, so no page may move the cursor (a run that stops after
/// the first page would skip the second's older changes). Each page but the last is <see cref="Hold">held</see> at the
/// cursor the list was read from; the <see cref="End">last</see> moves it to the newest change of the whole list, but
/// never past the moment the list was first asked for (an order changed while the pages were read may sit on a page
/// read already; the next import, reading from that moment, finds it) and never backwards. Use one per listing; a
/// reader that cannot tell its last page wraps its pages in <see cref="OrderPaging.HoldCursorToEndOfListAsync"/>.
/// </summary>
/// <param name="since">The cursor the list is read from.</param>
/// <param name="listedAt">When the first page was asked for, read before asking: earlier is safe, later skips orders.</param>
public sealed class WholeListCursor(OrderCursor since, Instant listedAt)
{
    private Instant _newest = since.ChangedSince;

    /// <summary>A page with more to come: its newest change is noted, and it resumes where the list was read from.</summary>
    /// <param name="page">The page as read, resuming at its newest readable change (<see cref="OrderPage.Map"/>).</param>
    /// <returns>The page, resuming at the cursor the list was read from.</returns>
    public OrderPage Hold(OrderPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        _newest = Instant.Max(_newest, page.Resume.ChangedSince);
        return page with { Resume = since };
    }

    /// <summary>The list's last page, which may be empty: it resumes at the newest change of every page, capped at the listing's start, never before the cursor read from.</summary>
    /// <param name="lastPage">The last page as read.</param>
    /// <returns>The page, resuming where the next listing starts.</returns>
    public OrderPage End(OrderPage lastPage)
    {
        var held = Hold(lastPage);
        var end = Instant.Min(_newest, listedAt);
        return end > since.ChangedSince ? held with { Resume = new OrderCursor(end) } : held;
    }
}
