using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Wire;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Otto.Orders;

/// <summary>
/// Reads orders: the changed ones with
/// <c>GET /v4/orders?fromDate=…&amp;orderColumnType=ORDER_LIFECYCLE_DATE&amp;orderDirection=ASC&amp;limit=128</c>, then each
/// page's <c>next</c> link as OTTO wrote it (<see cref="OrderPaging.ByCursorAsync{T}"/>), and orders by number with
/// <c>GET /v4/orders/{orderNumber}</c> for a manual import.
/// </summary>
/// <remarks>
/// OTTO sorts the list by order date, not by change date, and documents no other sort column; so the import's cursor
/// moves only once the whole list is read, and never past the moment it was asked for
/// (<see cref="OrderPaging.HoldCursorToEndOfListAsync"/>).
/// </remarks>
internal sealed class OttoOrdersFeature(OttoClient client, IClock clock) : IOrdersFeature
{
    /// <summary>The page size the connector asks for: OTTO's maximum.</summary>
    public const int PageSize = OttoApi.OrderPageSize;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var listedAt = clock.GetCurrentInstant();
        // The sort OTTO documents, asked for by name rather than left to a default: oldest order date first.
        var first = $"v4/orders?fromDate={Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(since.ChangedSince))}&orderColumnType=ORDER_LIFECYCLE_DATE&orderDirection=ASC&limit={PageSize}";
        var pages = OrderPaging.ByCursorAsync<JsonElement>(
            async (next, ct) =>
            {
                var response = await client.SendAsync(connection, MarketplaceCall.Get(next ?? first, OttoOperation.OrdersList), ct).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    throw OttoClient.Refused(response, "the order list");
                }

                var page = OttoClient.Read(response, OttoJsonContext.Default.OttoOrderListJson, "the order list");
                var link = page.Links?.OfType<OttoLinkJson>().FirstOrDefault(l => l.Rel == "next")?.Href;
                return new PageOf<JsonElement>(page.Resources ?? [], string.IsNullOrEmpty(link) ? null : link);
            },
            OttoOrderMapper.TryMap,
            since,
            cancellationToken);
        return OrderPaging.HoldCursorToEndOfListAsync(pages, since, listedAt, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(connection, number, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one order by its sales order id or its order number; <see langword="null"/> when OTTO has none.</summary>
    /// <param name="client">The connector's client.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="id">The sales order id or the order number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order as OTTO sent it.</returns>
    public static async Task<JsonElement?> ReadAsync(OttoClient client, ConnectionContext connection, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.SendAsync(connection, MarketplaceCall.Get("v4/orders/" + Uri.EscapeDataString(id), OttoOperation.OrdersGet), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return response.IsSuccess
            ? OttoClient.Read(response, OttoJsonContext.Default.JsonElement, $"order {id}")
            : throw OttoClient.Refused(response, $"order {id}");
    }

    private async ValueTask<OrderNumberLookup> LookUpAsync(ConnectionContext connection, string number, CancellationToken cancellationToken)
    {
        JsonElement? json;
        try
        {
            json = await ReadAsync(client, connection, number, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex) && ex.Code != ConnectSdkErrorCode.MarketplaceUnavailable)
        {
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        if (json is null)
        {
            return OrderNumberLookup.NotFound;
        }

        return OttoOrderMapper.TryMap(json.Value, out var order, out var problem)
            ? OrderNumberLookup.Found(order)
            : OrderNumberLookup.Unreadable(problem with { OrderNumber = number });
    }
}
