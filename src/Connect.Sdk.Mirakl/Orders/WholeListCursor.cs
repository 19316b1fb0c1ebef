using System.Runtime.CompilerServices;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// OR11 lists orders "by creation date, order identifier, shop name and then by index of the order line" (mirakl/sdk-php-shop
/// <c>GetOrdersRequest</c>), not by change date, while the import asks for them by <c>start_update_date</c>: an early page
/// can hold an old order changed a minute ago and a later page one changed hours ago. So no page moves the import's
/// cursor; only the end of the whole list does, to the newest change read but never past the moment the list was first
/// asked for (as OTTO's import does): an order changed while the pages were read, an acceptance of the run's own among
/// them, may sit on a page read already, and the next import, reading from that moment, finds it. A run that stops
/// between pages reads the whole list again next time, and the SDK's ledger hands nothing over twice.
/// </summary>
internal static class WholeListCursor
{
    /// <summary>The pages with the cursor held where it was, then, once the whole list is read, one empty page that moves it.</summary>
    /// <param name="pages">The list's pages.</param>
    /// <param name="since">The cursor the list was read from.</param>
    /// <param name="listedAt">When the first page was asked for, on the connection's clock.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages.</returns>
    public static async IAsyncEnumerable<OrderPage> HoldUntilEndAsync(IAsyncEnumerable<OrderPage> pages, OrderCursor since, Instant listedAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = since.ChangedSince;
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            newest = Instant.Max(newest, page.Resume.ChangedSince);
            yield return page with { Resume = since };
        }

        var end = Instant.Min(newest, listedAt);
        if (end > since.ChangedSince)
        {
            yield return new OrderPage([], [], new OrderCursor(end));
        }
    }
}
