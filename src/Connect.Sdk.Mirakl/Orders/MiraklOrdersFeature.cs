using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Reads orders with OR11 (<c>GET /api/orders</c>): the changed ones by <c>start_update_date</c>, page by page with
/// <c>offset</c> and <c>max</c>, and single ones by <c>order_ids</c> for an import by number or a retry. Orders waiting
/// for acceptance pass through <see cref="OrderAcceptance"/> first; with automatic acceptance every run starts with
/// the orders still waiting (<c>order_state_codes=WAITING_ACCEPTANCE</c>), changed or not, each judged once per run.
/// Orders before the buyer's payment and refused orders are not for the ERP and are left out of a page (they come again
/// when Mirakl moves them on).
/// </summary>
/// <remarks>
/// OR11 lists orders "by creation date, order identifier, shop name and then by index of the order line" (mirakl/sdk-php-shop
/// <c>GetOrdersRequest</c>), not by change date, while the import asks for them by <c>start_update_date</c>: an early page
/// can hold an old order changed a minute ago and a later page one changed hours ago. So no page moves the import's
/// cursor; only the end of the whole list does, never past the moment the list was first asked for
/// (<see cref="OrderPaging.HoldCursorToEndOfListAsync"/>): an order changed while the pages were read, an acceptance of
/// the run's own among them, may sit on a page read already. A run that stops between pages reads the whole list again
/// next time, and the SDK's ledger hands nothing over twice.
/// </remarks>
internal sealed class MiraklOrdersFeature(MiraklClient client, OrderReader reader, OrderAcceptance acceptance, TimeProvider time) : IOrdersFeature
{
    /// <summary>The page size the connector asks for: OR11's largest.</summary>
    public const int PageSize = 100;

    private const string WaitingPass = "w:";
    private const string ChangedPass = "c:";

    private static readonly InstantPattern Iso = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = MiraklClient.SettingsOf(connection);
        var listedAt = Instant.FromDateTimeOffset(time.GetUtcNow());
        // Whole seconds, rounded down: an order changed within the cursor's second is read again, never skipped.
        var from = Iso.Format(Instant.FromUnixTimeSeconds(since.ChangedSince.ToUnixTimeSeconds()));
        // With automatic acceptance every run first reconsiders the orders still waiting, whenever they changed: stock that
        // arrived or an acceptance that failed last time lets them through now. Then the orders changed since the cursor.
        // A waiting page is named by its number and offset: the offset alone repeats when every order on a page is accepted.
        var first = settings.Acceptance == MiraklAcceptance.Automatic ? WaitingPage(0, 0) : ChangedPass + "0";
        var acceptedInRun = new AcceptedStock();
        var judged = new JudgedOrders();
        var pages = OrderPaging.ByCursorAsync<ListedOrder>(
            async (cursor, ct) =>
            {
                var page = cursor ?? first;
                var waitingPass = page.StartsWith(WaitingPass, StringComparison.Ordinal);
                var (number, offset) = waitingPass ? ParseWaitingPage(page) : (0, int.Parse(page[2..], CultureInfo.InvariantCulture));
                var filter = waitingPass ? $"order_state_codes={MiraklOrderStates.WaitingAcceptance}" : $"start_update_date={Uri.EscapeDataString(from)}";
                var path = string.Create(CultureInfo.InvariantCulture, $"orders?{filter}&offset={offset}&max={PageSize}");
                var list = await client.ReadAsync(connection, MarketplaceCall.Get(path, "orders.list"), MiraklJsonContext.Default.MiraklOrderListJson, "the order list", ct).ConfigureAwait(false);
                var raw = list.Orders ?? [];
                // The waiting pass judges each order once; one it meets again (Mirakl's list lagging behind) stays where it is.
                // The changed pass leaves out an order the waiting pass judged and left waiting: its warning is journaled once.
                var fresh = waitingPass
                    ? raw.Where(o => IdOf(o) is { } id && judged.Add(id)).ToArray()
                    : raw.Where(o => !(StateOf(o) == MiraklOrderStates.WaitingAcceptance && IdOf(o) is { } id && judged.Contains(id))).ToArray();
                var orders = (await PrepareAsync(connection, settings, fresh, userAsked: false, acceptedInRun, ct).ToListAsync(ct).ConfigureAwait(false))
                    .Where(o => o.Listed is not null).Select(o => o.Listed!).ToList();
                var more = raw.Length == PageSize && (list.TotalCount is not { } total || offset + raw.Length < total);
                if (!waitingPass)
                {
                    return new PageOf<ListedOrder>(orders, more ? ChangedPass + (offset + raw.Length).ToString(CultureInfo.InvariantCulture) : null);
                }

                // An order accepted now left the waiting list (the next page starts that much earlier) and has changed, so
                // the changed pass brings it; this pass reports only the orders still waiting.
                var stillWaiting = orders.Where(o => o.WaitingReason is not null).ToList();
                var next = more ? WaitingPage(number + 1, offset + (raw.Length - fresh.Length) + stillWaiting.Count) : ChangedPass + "0";
                return new PageOf<ListedOrder>(stillWaiting, next);
            },
            ListedOrder.TryMap,
            since,
            cancellationToken);
        return OrderPaging.HoldCursorToEndOfListAsync(pages, since, listedAt, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = MiraklClient.SettingsOf(connection);
        return await OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(connection, settings, number, ct), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<OrderNumberLookup> LookUpAsync(ConnectionContext connection, MiraklSettings settings, string number, CancellationToken cancellationToken)
    {
        JsonElement? json;
        try
        {
            json = await reader.ReadAsync(connection, number, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex) && ex.Code != ConnectSdkErrorCode.MarketplaceUnavailable)
        {
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }

        if (json is not { } found)
        {
            return OrderNumberLookup.NotFound;
        }

        await foreach (var (listed, notYet) in PrepareAsync(connection, settings, [found], userAsked: true, new AcceptedStock(), cancellationToken).ConfigureAwait(false))
        {
            if (notYet is not null)
            {
                return OrderNumberLookup.Unreadable(notYet with { OrderNumber = number });
            }

            return ListedOrder.TryMap(listed!, out var order, out var problem)
                ? OrderNumberLookup.Found(order)
                : OrderNumberLookup.Unreadable(problem with { OrderNumber = number });
        }

        return OrderNumberLookup.NotFound;
    }

    // Each order once: accepted if due, then kept for the ERP, or left out with the reason it is not for the ERP yet.
    private async IAsyncEnumerable<(ListedOrder? Listed, UnreadableOrder? NotYet)> PrepareAsync(
        ConnectionContext connection, MiraklSettings settings, JsonElement[] orders, bool userAsked, AcceptedStock acceptedInRun, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var raw in orders)
        {
            var (json, waiting) = await acceptance.DecideAsync(connection, settings, raw, userAsked, acceptedInRun, cancellationToken).ConfigureAwait(false);
            var id = IdOf(json) ?? "(no order_id)";
            var state = StateOf(json);
            if (waiting is not null || state is null || MiraklOrderStates.IsForTheErp(state))
            {
                // Waiting orders are journaled with their reason; an order without a state is read, and fails naming the field.
                yield return (new ListedOrder(json, id, waiting), null);
            }
            else
            {
                yield return (null, MiraklOrderStates.NotYet(id, state));
            }
        }
    }

    private static string? IdOf(JsonElement order) => TextOf(order, "order_id");

    private static string? StateOf(JsonElement order) => TextOf(order, "order_state");

    private static string? TextOf(JsonElement order, string name) =>
        order.ValueKind == JsonValueKind.Object && order.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string WaitingPage(int number, int offset) => string.Create(CultureInfo.InvariantCulture, $"{WaitingPass}{number}:{offset}");

    private static (int Number, int Offset) ParseWaitingPage(string page)
    {
        var parts = page[WaitingPass.Length..].Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
