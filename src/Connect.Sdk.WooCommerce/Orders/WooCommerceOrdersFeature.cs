using System.Globalization;
using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;

namespace Connect.Sdk.WooCommerce.Orders;

/// <summary>
/// Reads orders: the changed ones page by page (<see cref="OrderListQuery"/>) with the SDK's
/// <see cref="OrderPaging.ByCursorAsync{T}"/>, each page's next request its cursor, and orders by number for a manual
/// import.
/// </summary>
internal sealed class WooCommerceOrdersFeature(WooCommerceClient client) : IOrdersFeature
{
    /// <summary>The page size the connector asks for: WordPress's maximum.</summary>
    public const int PageSize = WooCommerceApi.MaxPageSize;

    // A number that is not an order id is searched; this bounds how many result pages are read for one number.
    private const int MaxSearchPages = 10;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        OrderListQuery? next = OrderListQuery.Since(since.ChangedSince);
        return OrderPaging.ByCursorAsync<JsonElement>(
            async (_, ct) =>
            {
                // The cursor OrderPaging hands back is the path of the query kept here, which knows what follows it.
                var query = next!;
                var response = await client.SendAsync(connection, WooCommerceCall.Get(query.Path, "orders.list"), ct).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    throw WooCommerceClient.Refused(connection, response, "the order list");
                }

                var items = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.JsonElementArray, "the order list");
                next = query.After(items, response.TotalPages);
                return new PageOf<JsonElement>(items, next?.Path);
            },
            WooCommerceOrderMapper.TryMap,
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
        JsonElement? json;
        try
        {
            json = await FindAsync(connection, number, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex) && ex.Code != ConnectSdkErrorCode.MarketplaceUnavailable)
        {
            // An unreadable answer fails this number, not the others; refused keys go up and pause the connection, and a
            // shop that cannot be reached or keeps failing fails the import once instead of every number.
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        if (json is null)
        {
            return OrderNumberLookup.NotFound;
        }

        return WooCommerceOrderMapper.TryMap(json.Value, out var order, out var problem)
            ? OrderNumberLookup.Found(order)
            : OrderNumberLookup.Unreadable(problem with { OrderNumber = number });
    }

    // In WooCommerce the order number is the order id unless a plugin numbers orders itself: try the id, then search.
    private async Task<JsonElement?> FindAsync(ConnectionContext connection, string number, CancellationToken cancellationToken)
    {
        if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var response = await client.SendAsync(connection, WooCommerceCall.Get(string.Create(CultureInfo.InvariantCulture, $"orders/{id}"), "orders.get") with { NotFoundIsAnswer = true }, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccess)
            {
                var order = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.JsonElement, $"order {number}");
                if (HasNumber(order, number))
                {
                    return order;
                }
            }
            else if (response.StatusCode != HttpStatusCode.NotFound)
            {
                throw WooCommerceClient.Refused(connection, response, $"order {number}");
            }
        }

        for (var page = 1; page <= MaxSearchPages; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"orders?search={Uri.EscapeDataString(number)}&per_page={PageSize}&page={page}");
            var response = await client.SendAsync(connection, WooCommerceCall.Get(path, "orders.list"), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw WooCommerceClient.Refused(connection, response, $"the search for order {number}");
            }

            var items = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.JsonElementArray, $"the search for order {number}");

            // The search also matches addresses and notes: only the exact number counts.
            foreach (var item in items.Where(i => HasNumber(i, number)))
            {
                return item;
            }

            if (items.Length < PageSize || (response.TotalPages is { } total && page >= total))
            {
                break;
            }
        }

        return null;
    }

    private static bool HasNumber(JsonElement order, string number) =>
        order.ValueKind == JsonValueKind.Object
        && order.TryGetProperty("number", out var value)
        && value.ValueKind == JsonValueKind.String
        && string.Equals(value.GetString(), number, StringComparison.Ordinal);
}
