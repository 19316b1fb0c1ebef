using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Http;

/// <summary>
/// Reads a marketplace's changed orders page by page as <see cref="OrderPage"/>s, for
/// <see cref="IOrdersFeature.FetchChangedOrdersAsync"/>: by a cursor the marketplace returns, by offset, or by the
/// <c>Link</c> header's <c>rel="next"</c> (RFC 8288). A failed page throws: skipping it would move the SDK's cursor past
/// orders never read. Pages without orders are not yielded.
/// </summary>
public static partial class OrderPaging
{
    /// <summary>Follows the cursor each page names until a page names none.</summary>
    /// <typeparam name="T">The marketplace's shape of an order.</typeparam>
    /// <param name="readPage">Reads the page at a cursor (<see langword="null"/> for the first page).</param>
    /// <param name="map">The connector's mapping of one order.</param>
    /// <param name="since">The cursor the SDK reads from.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages.</returns>
    public static async IAsyncEnumerable<OrderPage> ByCursorAsync<T>(Func<string?, CancellationToken, Task<PageOf<T>>> readPage, TryMapOrder<T> map, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentNullException.ThrowIfNull(map);
        string? next = null;
        var read = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await readPage(next, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count > 0)
            {
                yield return OrderPage.Map(page.Items, map, since);
            }

            // A marketplace that names a page it already sent would otherwise be read forever.
            if (page.Next is not null && !read.Add(page.Next))
            {
                throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"The order list named page '{page.Next}' twice as the next one.");
            }

            next = page.Next;
        }
        while (next is not null);
    }

    /// <summary>Reads pages of <paramref name="pageSize"/> at growing offsets until a page comes back short.</summary>
    /// <typeparam name="T">The marketplace's shape of an order.</typeparam>
    /// <param name="readPage">Reads the page at an offset (0 first).</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <param name="map">The connector's mapping of one order.</param>
    /// <param name="since">The cursor the SDK reads from.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages.</returns>
    public static IAsyncEnumerable<OrderPage> ByOffsetAsync<T>(Func<int, CancellationToken, Task<IReadOnlyList<T>>> readPage, int pageSize, TryMapOrder<T> map, OrderCursor since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return ByCursorAsync(
            async (cursor, ct) =>
            {
                var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
                var items = await readPage(offset, ct).ConfigureAwait(false);
                return new PageOf<T>(items, items.Count < pageSize ? null : (offset + items.Count).ToString(CultureInfo.InvariantCulture));
            },
            map,
            since,
            cancellationToken);
    }

    /// <summary>Reads the first call's answer, then each page its <c>Link</c> header names <c>rel="next"</c>.</summary>
    /// <typeparam name="T">The marketplace's shape of an order.</typeparam>
    /// <param name="client">The connection's client.</param>
    /// <param name="first">The first page's call.</param>
    /// <param name="readItems">Reads a successful answer's orders.</param>
    /// <param name="map">The connector's mapping of one order.</param>
    /// <param name="since">The cursor the SDK reads from.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="ConnectSdkException">A page failed or could not be read.</exception>
    public static IAsyncEnumerable<OrderPage> ByLinkHeaderAsync<T>(MarketplaceClient client, MarketplaceCall first, Func<MarketplaceAnswer, IReadOnlyList<T>> readItems, TryMapOrder<T> map, OrderCursor since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(readItems);
        return ByCursorAsync(
            async (next, ct) =>
            {
                var call = next is null ? first : first with { Path = next };
                var answer = await client.SendAsync(call, ct).ConfigureAwait(false);
                return answer.IsSuccess
                    ? new PageOf<T>(readItems(answer), NextLink(answer.Header("Link")))
                    : throw client.Refused(answer, first.Operation);
            },
            map,
            since,
            cancellationToken);
    }

    /// <summary>The target of a <c>Link</c> header's <c>rel="next"</c>, or <see langword="null"/>.</summary>
    /// <param name="link">The header's value, e.g. <c>&lt;https://shop.test/orders?page_info=abc&gt;; rel="next"</c>.</param>
    /// <returns>The next page's URI.</returns>
    public static string? NextLink(string? link)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        foreach (Match match in LinkValue().Matches(link))
        {
            if (match.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
            {
                return match.Groups["target"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex("""<(?<target>[^>]*)>[^,]*?;\s*rel="?(?<rel>[^";,]+)"?""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkValue();
}
