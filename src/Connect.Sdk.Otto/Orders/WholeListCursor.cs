using System.Runtime.CompilerServices;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Otto.Orders;

/// <summary>
/// OTTO lists changed orders sorted by order date (<c>ORDER_LIFECYCLE_DATE</c>, the only sort column it documents), not
/// by change date: a page read early can hold an order changed a second ago while a later page holds one changed hours
/// ago. So no page may move the import's cursor; only the end of the whole list does, to the newest change read but
/// never past the moment the list was first asked for: an order changed while the pages were read may sit on a page
/// read already, and the next import, reading from that moment, finds it.
/// </summary>
internal static class WholeListCursor
{
    /// <summary>The pages with the cursor held where it was, then, once the whole list is read, one empty page that moves it.</summary>
    /// <param name="pages">The list's pages.</param>
    /// <param name="since">The cursor the list was read from.</param>
    /// <param name="listedAt">When the first page was asked for.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages.</returns>
    public static async IAsyncEnumerable<OrderPage> HoldUntilEndAsync(IAsyncEnumerable<OrderPage> pages, OrderCursor since, Instant listedAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = since.ChangedSince;
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var order in page.Orders)
            {
                newest = Instant.Max(newest, order.UpdatedAt);
            }

            yield return page with { Resume = since };
        }

        var end = Instant.Min(newest, listedAt);
        if (end > since.ChangedSince)
        {
            yield return new OrderPage([], [], new OrderCursor(end));
        }
    }
}
