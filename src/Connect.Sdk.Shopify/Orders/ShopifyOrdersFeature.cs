using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Shopify.Orders;

/// <summary>
/// Reads orders: <c>orders(query: "updated_at:&gt;='…'", sortKey: UPDATED_AT)</c> page by page through the cursor
/// (<c>pageInfo.endCursor</c>), oldest change first; and <c>orders(query: "name:'#1001'")</c> for an import by number.
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
            var variables = new JsonObject { ["first"] = ShopifyDocuments.OrderPageSize, ["after"] = after, ["query"] = search };

            // A failed page throws: skipping it would move the SDK's cursor past orders never read.
            var data = await client.SendAsync(session, ShopifyDocuments.Orders, variables, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrdersDataJson, cancellationToken).ConfigureAwait(false);
            var page = data.Orders ?? throw new ConnectSdkException($"Shopify answered the order list without 'orders' (connection {connection.ConnectionId}).") { ConnectionId = connection.ConnectionId };
            var (orders, unreadable) = MapAll(page.Nodes ?? []);
            if (orders.Count + unreadable.Count > 0)
            {
                yield return new OrderPage(orders, unreadable, new OrderCursor(NewestChange(orders, since.ChangedSince)));
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
        var found = new List<MarketplaceOrder>();
        var notFound = new List<string>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var number in orderNumbers)
        {
            var name = "#" + number.Trim().TrimStart('#');
            var variables = new JsonObject { ["first"] = 1, ["query"] = $"name:'{name.Replace("'", string.Empty, StringComparison.Ordinal)}'" };
            ShopifyOrdersDataJson data;
            try
            {
                data = await client.SendAsync(session, ShopifyDocuments.OrderByName, variables, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrdersDataJson, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectSdkException ex)
            {
                unreadable.Add(new UnreadableOrder(number, ex.Message));
                continue;
            }

            // Shopify's name search can match more loosely than the exact name: only the order of that name counts.
            var match = (data.Orders?.Nodes ?? []).FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                notFound.Add(number);
            }
            else if (ShopifyOrderMapper.TryMap(match, out var order, out var problem))
            {
                found.Add(order);
            }
            else
            {
                unreadable.Add(problem);
            }
        }

        return new OrderLookupResult(found, notFound, unreadable);
    }

    private static (List<MarketplaceOrder> Orders, List<UnreadableOrder> Unreadable) MapAll(IEnumerable<ShopifyOrderJson> page)
    {
        var orders = new List<MarketplaceOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var json in page)
        {
            if (ShopifyOrderMapper.TryMap(json, out var order, out var problem))
            {
                orders.Add(order);
            }
            else
            {
                unreadable.Add(problem);
            }
        }

        return (orders, unreadable);
    }

    // The SDK resumes from the newest change on the page; a page of unreadable orders keeps the cursor where it was.
    private static Instant NewestChange(List<MarketplaceOrder> orders, Instant since) =>
        orders.Count == 0 ? since : orders.Max(o => o.UpdatedAt);
}
