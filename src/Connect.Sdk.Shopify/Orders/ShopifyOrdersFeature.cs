using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;
using NodaTime.Text;

namespace Connect.Sdk.Shopify.Orders;

/// <summary>
/// Reads orders: <c>orders(query: "updated_at:&gt;='…'", sortKey: UPDATED_AT)</c> page by page through the cursor
/// (<c>pageInfo.endCursor</c>), oldest change first; and <c>orders(query: "name:'#1001'")</c> for an import by number.
/// A page reads each order's first lines; an order with more is completed with <c>order(id) { lineItems(after:) }</c>
/// follow-ups, so every query stays far below Shopify's single-query limit of 1000 points.
/// </summary>
internal sealed class ShopifyOrdersFeature(ShopifyGraphQLClient client) : IOrdersFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = await ShopifySession.OpenAsync(connection, cancellationToken).ConfigureAwait(false);

        // The SDK has already moved the time back by its overlap; >= keeps an order changed at that very instant.
        var search = $"updated_at:>='{InstantPattern.ExtendedIso.Format(since.ChangedSince)}'";
        string? after = null;
        do
        {
            var variables = new JsonObject { ["after"] = after, ["query"] = search };

            // A failed page throws: skipping it would move the SDK's cursor past orders never read.
            var data = await client.SendAsync(session, ShopifyDocuments.Orders, variables, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrdersDataJson, cancellationToken).ConfigureAwait(false);
            var page = data.Orders ?? throw new ConnectSdkException($"Shopify answered the order list without 'orders' (connection {connection.ConnectionId}).") { ConnectionId = connection.ConnectionId };
            var nodes = page.Nodes ?? [];
            foreach (var node in nodes)
            {
                // A failed follow-up throws like a failed page: the order is read again next run, not skipped.
                await CompleteLinesAsync(session, node, cancellationToken).ConfigureAwait(false);
            }

            if (nodes.Count > 0)
            {
                yield return OrderPage.Map(nodes, ShopifyOrderMapper.TryMap, since);
            }

            after = page.PageInfo is { HasNextPage: true, EndCursor: { } cursor } ? cursor : null;
        }
        while (after is not null);
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        cancellationToken.ThrowIfCancellationRequested();
        var session = await ShopifySession.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        return await OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(session, number, ct), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<OrderNumberLookup> LookUpAsync(ShopifySession session, string number, CancellationToken cancellationToken)
    {
        var name = "#" + number.Trim().TrimStart('#');
        var variables = new JsonObject { ["query"] = $"name:'{name.Replace("'", string.Empty, StringComparison.Ordinal)}'" };
        ShopifyOrdersDataJson data;
        try
        {
            data = await client.SendAsync(session, ShopifyDocuments.OrderByName, variables, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrdersDataJson, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex)
        {
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        // Shopify's name search can match more loosely than the exact name: only the order of that name counts.
        var match = (data.Orders?.Nodes ?? []).FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return OrderNumberLookup.NotFound;
        }

        if (await TryCompleteLinesAsync(session, match, number, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return OrderNumberLookup.Unreadable(failed);
        }

        return ShopifyOrderMapper.TryMap(match, out var order, out var problem) ? OrderNumberLookup.Found(order) : OrderNumberLookup.Unreadable(problem);
    }

    private async Task<UnreadableOrder?> TryCompleteLinesAsync(ShopifySession session, ShopifyOrderJson order, string number, CancellationToken cancellationToken)
    {
        try
        {
            await CompleteLinesAsync(session, order, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ConnectSdkException ex)
        {
            return new UnreadableOrder(number, ex.Message);
        }
    }

    // Reads the lines an order has beyond the page that came with it, until Shopify says there are no more.
    private async Task CompleteLinesAsync(ShopifySession session, ShopifyOrderJson order, CancellationToken cancellationToken)
    {
        if (order.LineItems is not { PageInfo: { HasNextPage: true, EndCursor: { } cursor } } first || order.Id is not { } id)
        {
            return;
        }

        var lines = new List<ShopifyLineItemJson>(first.Nodes ?? []);
        string? after = cursor;
        ShopifyPageInfoJson? pageInfo = first.PageInfo;
        while (after is not null)
        {
            var data = await client.SendAsync(session, ShopifyDocuments.OrderLines, new JsonObject { ["id"] = id, ["after"] = after }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrderDataJson, cancellationToken).ConfigureAwait(false);
            var more = data.Order?.LineItems
                ?? throw new ConnectSdkException($"Shopify answered the lines of order {order.Name} without 'lineItems' (connection {session.ConnectionId}).") { ConnectionId = session.Connection.ConnectionId };
            lines.AddRange(more.Nodes ?? []);
            pageInfo = more.PageInfo;
            after = pageInfo is { HasNextPage: true, EndCursor: { } next } && next != after ? next : null;
        }

        order.LineItems = new ShopifyNodesJson<ShopifyLineItemJson> { Nodes = lines, PageInfo = pageInfo };
    }
}
