namespace Basar.Connector.Orders;

/// <summary>
/// Imports orders with <c>GET /api/v1/orders?updatedSince=…</c>, following <c>nextCursor</c> page by page, and looks
/// single orders up with <c>GET /api/v1/orders/{number}</c>.
/// </summary>
internal sealed class BasarOrdersFeature(BasarClients clients) : IOrdersFeature
{
    /// <summary>The page size asked for: Basar's default, half its maximum.</summary>
    public const int PageSize = 50;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken)
    {
        var query = $"orders?updatedSince={Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(since.ChangedSince))}&limit={PageSize}";
        return OrderPaging.ByCursorAsync(
            async (cursor, ct) =>
            {
                var client = await clients.ForAsync(connection, ct).ConfigureAwait(false);
                var path = cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}";
                var page = await client.SendForJsonAsync(MarketplaceCall.Get(path, "orders.list"), BasarJsonContext.Default.BasarOrderListJson, ct).ConfigureAwait(false);
                return new PageOf<JsonElement>(page.Orders, page.NextCursor);
            },
            BasarOrderMapper.TryMap,
            since,
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
        OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(connection, number, ct), cancellationToken);

    private async ValueTask<OrderNumberLookup> LookUpAsync(ConnectionContext connection, string number, CancellationToken cancellationToken)
    {
        var client = await clients.ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var call = MarketplaceCall.Get($"orders/{Uri.EscapeDataString(number)}", "orders.get");
        return await OrderNumberLookups.GetAsync(client, call, number, BasarJsonContext.Default.JsonElement, BasarOrderMapper.TryMap, cancellationToken).ConfigureAwait(false);
    }
}
