using System.Runtime.CompilerServices;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Http;

/// <content>Holding the import's cursor until the whole list is read.</content>
public static partial class OrderPaging
{
    /// <summary>
    /// For a marketplace whose list of changed orders is not sorted by change time: an early page can hold an order
    /// changed a second ago and a later page one changed hours ago, so no page may move the import's cursor (a run that
    /// stops after the first page would skip the second's older changes). Every page is passed on resuming at
    /// <paramref name="since"/>; once the whole list is read, one empty page moves the cursor to the newest change read
    /// (the newest page's <see cref="OrderPage.Resume"/>), but never past <paramref name="listedAt"/> (an order changed
    /// while the pages were read may sit on a page read already; the next import, reading from that moment, finds it)
    /// and never backwards. A list that failed or was cancelled moves nothing.
    /// </summary>
    /// <param name="pages">The list's pages, e.g. from <see cref="ByCursorAsync{T}"/>.</param>
    /// <param name="since">The cursor the list is read from.</param>
    /// <param name="listedAt">When the first page was asked for, taken before asking: earlier is safe, later skips orders.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages, then the page that moves the cursor, if it moves.</returns>
    public static async IAsyncEnumerable<OrderPage> HoldCursorToEndOfListAsync(IAsyncEnumerable<OrderPage> pages, OrderCursor since, Instant listedAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var newest = since.ChangedSince;
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            newest = Instant.Max(newest, page.Resume.ChangedSince);
            yield return page with { Resume = since };
        }

        // A reader that stopped listening mid-list must not learn that the list ended.
        cancellationToken.ThrowIfCancellationRequested();
        var end = Instant.Min(newest, listedAt);
        if (end > since.ChangedSince)
        {
            yield return new OrderPage([], [], new OrderCursor(end));
        }
    }
}
