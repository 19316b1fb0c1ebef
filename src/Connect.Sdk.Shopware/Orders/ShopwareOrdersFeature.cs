using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Orders;

/// <summary>
/// Reads orders through <c>POST /api/search/order</c> (<see cref="OrderCriteria"/>): the changed ones page by page until
/// the exact total is read, and orders by number for a manual import.
/// </summary>
internal sealed class ShopwareOrdersFeature(ShopwareClient client) : IOrdersFeature
{
    /// <summary>The page size the connector asks for.</summary>
    public const int PageSize = ShopwareApi.OrderPageSize;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return OrderPaging.ByCursorAsync<JsonElement>(
            async (cursor, ct) =>
            {
                var page = cursor is null ? 1 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
                var result = await client.SearchAsync(connection, "order", OrderCriteria.ChangedSince(since.ChangedSince, page, PageSize), ShopwareJsonContext.Default.OrderSearchJson, "the order search", ct).ConfigureAwait(false);
                var more = result.Data.Count == PageSize && page * PageSize < result.Total;
                return new PageOf<JsonElement>(result.Data, more ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            },
            ShopwareOrderMapper.TryMap,
            since,
            cancellationToken);
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
