using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Wire;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Kaufland.Orders;

/// <summary>
/// Reads orders. Kaufland lists order units, one per piece, so an order's units may lie on two pages and an order whose
/// unit changed has others that did not. The import therefore reads every page of the changed units first
/// (<c>GET /order-units?storefront=…&amp;ts_updated_from_iso=…&amp;sort=ts_created:asc</c>, <c>limit</c> 100 by
/// <c>offset</c>), collects their <c>id_order</c>s, and then reads each order whole with <c>GET /orders/{id_order}</c>: no
/// order is split or imported twice. The orders are handed to the SDK oldest change first, a page of 100 at a time.
/// </summary>
/// <remarks>
/// The list is read by offset, oldest placed first, so a unit placed while the pages are read comes at the end. A unit
/// changed while the pages are read joins the list where it was placed: it may lie behind the offset already read, and
/// later pages move on by one (a unit read twice, none missed). Such a unit changed after the read began, so the cursor
/// moves only with the last page (<see cref="WholeListCursor"/>), to the newest change of the orders read but never past
/// the time the list was first asked for: never past a unit not yet read, nor past Kaufland's own newest time should
/// the connection's clock run ahead of Kaufland's. A run stopped between pages keeps the cursor where it was, and the
/// next run reads the whole list again.
/// <c>ts_updated_from_iso</c> is read as exclusive and given one second before the cursor, as Kaufland's times have
/// whole seconds.
/// </remarks>
internal sealed class KauflandOrdersFeature(KauflandClient client, TimeProvider time) : IOrdersFeature
{
    /// <summary>The page size asked for, and the orders per page handed to the SDK.</summary>
    public const int PageSize = KauflandApi.MaxPageSize;

    /// <summary>The list's sorting, oldest placed first; the documented default is <c>ts_created:desc</c>.</summary>
    public const string OldestPlacedFirst = "ts_created:asc";

    private readonly UnitOffers _offers = new(client);

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Taken before the first page is asked for: every unit changed while the list is read changed at or after it.
        var listAskedAt = Instant.FromDateTimeOffset(time.GetUtcNow());
        var changed = await ChangedOrdersAsync(connection, since.ChangedSince, cancellationToken).ConfigureAwait(false);
        var chunks = changed.Chunk(PageSize).ToArray();
        var list = new WholeListCursor(since, listAskedAt);
        for (var index = 0; index < chunks.Length; index++)
        {
            var chunk = chunks[index];
            var orders = new List<JsonElement>(chunk.Length);
            var gone = new List<UnreadableOrder>();
            foreach (var id in chunk)
            {
                if (await OrderAsync(connection, id, cancellationToken).ConfigureAwait(false) is { } order)
                {
                    orders.Add(order);
                }
                else
                {
                    gone.Add(new UnreadableOrder(id, $"Kaufland listed changed order units of order {id}, but answers the order 404."));
                }
            }

            var unitIds = await _offers.UnitIdsAsync(connection, OffersOf(orders), cancellationToken).ConfigureAwait(false);
            var currency = KauflandClient.SettingsOf(connection).Currency;
            var page = OrderPage.Map(orders, (JsonElement json, [NotNullWhen(true)] out MarketplaceOrder? order, [NotNullWhen(false)] out UnreadableOrder? problem) => KauflandOrderMapper.TryMap(json, unitIds, currency, out order, out problem), since);
            page = page with { Unreadable = [.. page.Unreadable, .. gone] };
            yield return index == chunks.Length - 1 ? list.End(page) : list.Hold(page);
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
        JsonElement? order;
        IReadOnlyDictionary<string, long> unitIds;
        try
        {
            order = await OrderAsync(connection, number, cancellationToken).ConfigureAwait(false);
            if (order is null)
            {
                return OrderNumberLookup.NotFound;
            }

            unitIds = await _offers.UnitIdsAsync(connection, OffersOf([order.Value]), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex) && ex.Code != ConnectSdkErrorCode.MarketplaceUnavailable)
        {
            // An unreadable answer fails this number, not the others; refused keys and an unreachable API fail the import once.
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        return KauflandOrderMapper.TryMap(order.Value, unitIds, KauflandClient.SettingsOf(connection).Currency, out var mapped, out var problem)
            ? OrderNumberLookup.Found(mapped)
            : OrderNumberLookup.Unreadable(problem with { OrderNumber = number });
    }

    // Every page of the changed order units, then their orders by their newest change, oldest first.
    private async Task<IReadOnlyList<string>> ChangedOrdersAsync(ConnectionContext connection, Instant since, CancellationToken cancellationToken)
    {
        var storefront = KauflandClient.SettingsOf(connection).Storefront;
        var from = KauflandTime.Format(since - Duration.FromSeconds(1));
        var newest = new Dictionary<string, Instant>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += PageSize)
        {
            var path = $"order-units?storefront={storefront}&ts_updated_from_iso={Uri.EscapeDataString(from)}&sort={Uri.EscapeDataString(OldestPlacedFirst)}&limit={PageSize}&offset={offset}";
            var page = await client.ReadAsync(connection, MarketplaceCall.Get(path, "order-units.list"), KauflandJsonContext.Default.KauflandOrderUnitListJson, "the order unit list", cancellationToken).ConfigureAwait(false);
            var units = PayloadList.WithoutNulls(page.Data, "data");
            foreach (var unit in units)
            {
                // A unit whose time cannot be read still brings its order; the order's own mapping reports the time.
                var changed = TryTime(unit.TsUpdatedIso) ?? since;
                newest[unit.IdOrder] = newest.TryGetValue(unit.IdOrder, out var known) && known > changed ? known : changed;
            }

            if (page.Data.Count < PageSize || (page.Pagination is { } pagination && offset + page.Data.Count >= pagination.Total))
            {
                break;
            }
        }

        return [.. newest.OrderBy(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key)];
    }

    private async Task<JsonElement?> OrderAsync(ConnectionContext connection, string id, CancellationToken cancellationToken)
    {
        var (answer, marketplace) = await client.SendAsync(connection, MarketplaceCall.Get($"orders/{Uri.EscapeDataString(id)}", "orders.get"), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!answer.IsSuccess)
        {
            throw marketplace.Refused(answer, $"order {id}");
        }

        var json = marketplace.Read(answer, KauflandJsonContext.Default.JsonElement, $"order {id}");
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("data", out var data) ? data.Clone() : json;
    }

    private static IEnumerable<string> OffersOf(IEnumerable<JsonElement> orders) =>
        orders.SelectMany(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("order_units", out var units) && units.ValueKind == JsonValueKind.Array ? units.EnumerateArray() : [])
            .Select(u => u.ValueKind == JsonValueKind.Object && u.TryGetProperty("id_offer", out var offer) && offer.ValueKind == JsonValueKind.String ? offer.GetString() : null)
            .OfType<string>();

    private static Instant? TryTime(string text)
    {
        try
        {
            return KauflandTime.Parse(text, "ts_updated_iso");
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
