using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
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
        await foreach (var page in OrderPaging.ByCursorAsync((after, ct) => ReadPageAsync(session, search, after, ct), ShopifyOrderMapper.TryMap, since, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
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

        // A refused token or scope (ACCESS_DENIED) is the connection's, not this order's: it goes up and pauses the connection.
        // So does a shop that gave no answer at all (no status): the lookup fails as a whole, as before the HTTP helpers.
        try
        {
            data = await client.SendAsync(session, ShopifyDocuments.OrderByName, variables, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrdersDataJson, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (ex.MarketplaceStatusCode is not null && !CredentialsRefusal.In(ex))
        {
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        // Shopify's name search can match more loosely than the exact name: only the order of that name counts.
        var match = (data.Orders?.Nodes ?? []).FirstOrDefault(o => string.Equals(ShopifyOrderNode.NameOf(o), name, StringComparison.OrdinalIgnoreCase));
        if (match.ValueKind == JsonValueKind.Undefined)
        {
            return OrderNumberLookup.NotFound;
        }

        try
        {
            match = await CompleteLinesAsync(session, match, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (ex.MarketplaceStatusCode is not null && !CredentialsRefusal.In(ex))
        {
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        return ShopifyOrderMapper.TryMap(match, out var order, out var problem) ? OrderNumberLookup.Found(order) : OrderNumberLookup.Unreadable(problem);
    }

    // One page of changed orders, each completed with its lines; the next page is at the end cursor while Shopify says
    // there is one. A failed page or follow-up throws: skipping it would move the SDK's cursor past orders never read.
    private async Task<PageOf<JsonElement>> ReadPageAsync(ShopifySession session, string search, string? after, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { ["after"] = after, ["query"] = search };
        var data = await client.SendAsync(session, ShopifyDocuments.Orders, variables, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrdersDataJson, cancellationToken).ConfigureAwait(false);
        var page = data.Orders ?? throw new ConnectSdkException($"Shopify answered the order list without 'orders' (connection {session.ConnectionId}).") { ConnectionId = session.Connection.ConnectionId };
        var nodes = new List<JsonElement>();
        foreach (var node in page.Nodes ?? [])
        {
            nodes.Add(await CompleteLinesAsync(session, node, cancellationToken).ConfigureAwait(false));
        }

        return new PageOf<JsonElement>(nodes, page.PageInfo is { HasNextPage: true, EndCursor: { } cursor } ? cursor : null);
    }

    // Reads the lines an order has beyond the page that came with it, until Shopify says there are no more. The lines
    // stay as Shopify sent them: the mapper reads the completed order, so a flawed line fails that order alone.
    private async Task<JsonElement> CompleteLinesAsync(ShopifySession session, JsonElement order, CancellationToken cancellationToken)
    {
        if (ShopifyOrderNode.NextLinesCursorOf(order) is not { } cursor || ShopifyOrderNode.IdOf(order) is not { } id)
        {
            return order;
        }

        var lines = new List<JsonElement>(ShopifyOrderNode.LinesOf(order) ?? []);
        var last = order;
        for (string? after = cursor; after is not null;)
        {
            var data = await client.SendAsync(session, ShopifyDocuments.OrderLines, new JsonObject { ["id"] = id, ["after"] = after }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrderLinesDataJson, cancellationToken).ConfigureAwait(false);
            if (data.Order is not { } followUp || ShopifyOrderNode.LinesOf(followUp) is not { } more)
            {
                throw new ConnectSdkException($"Shopify answered the lines of order {ShopifyOrderNode.NameOf(order)} without 'lineItems.nodes' (connection {session.ConnectionId}).") { ConnectionId = session.Connection.ConnectionId };
            }

            lines.AddRange(more);
            last = followUp;
            after = ShopifyOrderNode.NextLinesCursorOf(last) is { } next && next != after ? next : null;
        }

        return ShopifyOrderNode.WithLines(order, lines, last);
    }
}
