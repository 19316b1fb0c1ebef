using System.Runtime.CompilerServices;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Http;

/// <content>Holding the import's cursor until the whole list is read.</content>
public static partial class OrderPaging
{
    /// <summary>
    /// Holds the import's cursor until the whole list is read (<see cref="WholeListCursor"/>), for a reader that learns
    /// of the list's end only when no page follows: every page resumes at <paramref name="since"/>, and once the whole
    /// list is read one empty page moves the cursor to the newest change read, never past <paramref name="listedAt"/>
    /// and never backwards. A list that failed or was cancelled moves nothing.
    /// </summary>
    /// <param name="pages">The list's pages, e.g. from <see cref="ByCursorAsync{T}"/>.</param>
    /// <param name="since">The cursor the list is read from.</param>
    /// <param name="listedAt">When the first page was asked for, read before asking: earlier is safe, later skips orders.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages, then the page that moves the cursor, if it moves.</returns>
    public static async IAsyncEnumerable<OrderPage> HoldCursorToEndOfListAsync(IAsyncEnumerable<OrderPage> pages, OrderCursor since, Instant listedAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = new WholeListCursor(since, listedAt);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return list.Hold(page);
        }

        // A reader that stopped listening mid-list must not learn that the list ended.
        cancellationToken.ThrowIfCancellationRequested();
        var end = list.End(new OrderPage([], [], since));
        if (end.Resume != since)
        {
            yield return end;
        }
    }
}
