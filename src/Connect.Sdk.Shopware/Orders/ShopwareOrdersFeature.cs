using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Wire;
using NodaTime;

namespace Connect.Sdk.Shopware.Orders;

/// <summary>
/// Reads orders through <c>POST /api/search/order</c> (<see cref="OrderCriteria"/>): the changed ones page by page until
/// the exact total is read, the cursor moved by the last page only, and orders by number for a manual import.
/// </summary>
internal sealed class ShopwareOrdersFeature(ShopwareClient client, IClock clock) : IOrdersFeature
{
    /// <summary>The page size the connector asks for.</summary>
    public const int PageSize = ShopwareApi.OrderPageSize;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    /// <remarks>
    /// The pages are sorted by <c>createdAt</c>, not by change time (<c>updatedAt</c> is null for an order never changed,
    /// and a Criteria sort is by fields, not by the later of two), so an order changed a minute ago can come on the first
    /// page and one changed an hour ago on the last. Only the last page moves the cursor (<see cref="WholeListCursor"/>), to
    /// the newest change of the whole list but never past the moment the list was first asked for: a list broken off after
    /// any page is read again from the same cursor, and an order changed on a page read already while the pages were read
    /// is found by the next import, which reads from that moment.
    /// </remarks>
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var list = new WholeListCursor(since, clock.GetCurrentInstant());
        for (var number = 1; ; number++)
        {
            var result = await client.SearchAsync(connection, "order", OrderCriteria.ChangedSince(since.ChangedSince, number, PageSize), ShopwareJsonContext.Default.OrderSearchJson, "the order search", cancellationToken).ConfigureAwait(false);
            var page = OrderPage.Map(result.Data, ShopwareOrderMapper.TryMap, since);
            if (result.Data.Count < PageSize || number * PageSize >= result.Total)
            {
                // An empty last page still moves the cursor past the pages before it.
                var last = list.End(page);
                if (result.Data.Count > 0 || last.Resume != since)
                {
                    yield return last;
                }

                yield break;
            }

            yield return list.Hold(page);
        }
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(connection, number, ct), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<OrderNumberLookup> LookUpAsync(ConnectionContext connection, string number, CancellationToken cancellationToken)
    {
        OrderSearchJson result;
        try
        {
            result = await client.SearchAsync(connection, "order", OrderCriteria.ByNumbers([number]), ShopwareJsonContext.Default.OrderSearchJson, $"the search for order {number}", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex) && ex.Code != ConnectSdkErrorCode.MarketplaceUnavailable)
        {
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        if (result.Data is not [var json, ..])
        {
            return OrderNumberLookup.NotFound;
        }

        return ShopwareOrderMapper.TryMap(json, out var order, out var problem)
            ? OrderNumberLookup.Found(order)
            : OrderNumberLookup.Unreadable(problem with { OrderNumber = number });
    }
}
