using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Microsoft.Extensions.Logging;
using NodaTime.Text;

namespace Connect.Sdk.Amazon.Orders;

/// <summary>
/// Reads orders with the Orders API v0: <c>getOrders</c> by <c>LastUpdatedAfter</c> page after page through
/// <c>NextToken</c>, each order's items through <c>getOrderItems</c> (paged the same way), and <c>getOrder</c> plus its
/// items for an import by number.
/// </summary>
/// <remarks>
/// Amazon documents no order of the orders in a result, so only the last page moves the SDK's cursor (to the newest
/// change seen); a run that breaks off between pages reads the whole window again, and the SDK's ledger drops the
/// repeats. The items it read are kept (<see cref="ReadOrderItems"/>), so the repeat costs only the getOrders pages. Orders still <c>Pending</c> are passed over: Amazon withholds their amounts until payment, and they come
/// back when they turn <c>Unshipped</c> (their change time moves).
/// </remarks>
internal sealed class AmazonOrdersFeature(AmazonApiClient client, ILogger logger) : IOrdersFeature
{
    /// <summary>Orders per getOrders page: the documented maximum, since getOrders is the slowest operation (one a minute).</summary>
    public const int PageSize = 100;

    private readonly ReadOrderItems _readItems = new();

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var settings = await AmazonConnectionSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var filter = $"orders/v0/orders?MarketplaceIds={Uri.EscapeDataString(string.Join(',', settings.MarketplaceIds))}" +
                     $"&LastUpdatedAfter={Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(since.ChangedSince))}&MaxResultsPerPage={PageSize}";
        var newest = since.ChangedSince;
        string? nextToken = null;
        var pageNumber = 0;
        do
        {
            pageNumber++;
            var query = nextToken is null ? filter : $"{filter}&NextToken={Uri.EscapeDataString(nextToken)}";

            // A failed page throws: skipping it would move the SDK's cursor past orders never read.
            var response = await client.GetAsync(settings, AmazonOperation.GetOrders, query, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw AmazonCalls.Refused(settings, AmazonOperation.GetOrders, response, $"page {pageNumber} of the orders changed since {since.ChangedSince}");
            }

            var payload = AmazonCalls.Read(response, AmazonJsonContext.Default.GetOrdersResponseJson, settings, $"getOrders page {pageNumber}").Payload;
            AmazonLog.OrdersPage(logger, pageNumber, settings.ConnectionId.Value, payload.Orders.Count);
            var orders = new List<MarketplaceOrder>();
            var unreadable = new List<UnreadableOrder>();
            foreach (var json in payload.Orders)
            {
                var read = await ReadOrderAsync(settings, json, byNumber: false, cancellationToken).ConfigureAwait(false);
                if (read.Order is { } order)
                {
                    orders.Add(order);
                    newest = order.UpdatedAt > newest ? order.UpdatedAt : newest;
                }
                else if (read.Problem is { } problem)
                {
                    unreadable.Add(problem);
                }
            }

            nextToken = string.IsNullOrEmpty(payload.NextToken) ? null : payload.NextToken;
            var last = nextToken is null;
            if (orders.Count > 0 || unreadable.Count > 0 || (last && newest > since.ChangedSince))
            {
                yield return new OrderPage(orders, unreadable, new OrderCursor(last ? newest : since.ChangedSince));
            }
        }
        while (nextToken is not null);
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = await AmazonConnectionSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return await OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(settings, number, ct), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<OrderNumberLookup> LookUpAsync(AmazonConnectionSettings settings, string number, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetAsync(settings, AmazonOperation.GetOrder, $"orders/v0/orders/{Uri.EscapeDataString(number)}", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return OrderNumberLookup.NotFound;
            }

            if (!response.IsSuccess)
            {
                throw AmazonCalls.Refused(settings, AmazonOperation.GetOrder, response, $"order {number}");
            }

            var payload = AmazonCalls.Read(response, AmazonJsonContext.Default.GetOrderResponseJson, settings, $"getOrder {number}").Payload;
            var read = await ReadOrderAsync(settings, payload, byNumber: true, cancellationToken).ConfigureAwait(false);

            // Read by number, an order comes back either read or with its problem (a pending order is a problem here).
            return read.Order is { } order ? OrderNumberLookup.Found(order) : OrderNumberLookup.Unreadable(read.Problem!);
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex))
        {
            // One order Amazon could not answer for does not hold back the others; a refusal of the credentials (401,
            // 403) is the connection's and goes up, so the SDK pauses the connection instead of failing each order.
            return OrderNumberLookup.Unreadable(number, ex.Message);
        }
    }

    /// <summary>Reads every item of an order, following <c>NextToken</c>.</summary>
    /// <param name="client">The API client.</param>
    /// <param name="settings">The connection.</param>
    /// <param name="amazonOrderId">The order.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ConnectSdkException">A page could not be read.</exception>
    internal static async Task<IReadOnlyList<AmazonOrderItemJson>> FetchItemsAsync(AmazonApiClient client, AmazonConnectionSettings settings, string amazonOrderId, CancellationToken cancellationToken)
    {
        var path = $"orders/v0/orders/{Uri.EscapeDataString(amazonOrderId)}/orderItems";
        var items = new List<AmazonOrderItemJson>();
        string? nextToken = null;
        do
        {
            var query = nextToken is null ? path : $"{path}?NextToken={Uri.EscapeDataString(nextToken)}";
            var response = await client.GetAsync(settings, AmazonOperation.GetOrderItems, query, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw AmazonCalls.Refused(settings, AmazonOperation.GetOrderItems, response, $"the items of order {amazonOrderId}");
            }

            var payload = AmazonCalls.Read(response, AmazonJsonContext.Default.GetOrderItemsResponseJson, settings, $"getOrderItems of order {amazonOrderId}").Payload;
            items.AddRange(payload.OrderItems);
            nextToken = string.IsNullOrEmpty(payload.NextToken) ? null : payload.NextToken;
        }
        while (nextToken is not null);

        return items;
    }

    private static string NumberOf(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("AmazonOrderId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : "(no AmazonOrderId)";

    /// <summary>Reads one order and its items. Unreadable order data is the order's problem; a failed items call fails the whole call.</summary>
    private async Task<(MarketplaceOrder? Order, UnreadableOrder? Problem)> ReadOrderAsync(AmazonConnectionSettings settings, JsonElement json, bool byNumber, CancellationToken cancellationToken)
    {
        var number = NumberOf(json);
        AmazonOrderJson order;
        try
        {
            order = json.Deserialize(AmazonJsonContext.Default.AmazonOrderJson) ?? throw new JsonException("the order is null");
        }
        catch (JsonException ex)
        {
            return (null, new UnreadableOrder(number, $"Amazon order {number} could not be read: {JsonFieldProblem.Describe(ex, JsonFieldProblem.PascalCase)}"));
        }

        if (AmazonOrderStatuses.IsAwaitingPayment(order.OrderStatus))
        {
            return byNumber
                ? (null, new UnreadableOrder(number, $"Amazon order {number} is {order.OrderStatus}: Amazon withholds its amounts until the payment is confirmed; import it once it is Unshipped."))
                : (null, null);
        }

        IReadOnlyList<AmazonOrderItemJson> items;
        try
        {
            // An import resumes with the items an earlier run read; a lookup by number reads them afresh.
            items = byNumber
                ? await FetchItemsAsync(client, settings, order.AmazonOrderId, cancellationToken).ConfigureAwait(false)
                : await _readItems.GetOrReadAsync(settings.SellerId, order, ct => FetchItemsAsync(client, settings, order.AmazonOrderId, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (ex.InnerException is JsonException flaw && JsonFieldProblem.IsAboutAField(flaw))
        {
            // Items Amazon sent with a field missing or wrong are this order's flaw; a refused call (401, 503) or a body
            // that is no JSON at all (an error page) stays the run's, to be read again on the next run.
            return (null, new UnreadableOrder(number, $"Amazon order {number} could not be read: in its getOrderItems answer {JsonFieldProblem.Describe(flaw, JsonFieldProblem.PascalCase)}"));
        }

        // The serializer lets a null element into a list; it is this order's flaw, named by its field.
        if (items.Any(i => i is null))
        {
            return (null, new UnreadableOrder(number, $"Amazon order {number} could not be read: its getOrderItems answer has a null in OrderItems"));
        }

        try
        {
            return (AmazonOrderMapper.Map(order, items), null);
        }
        catch (FormatException ex)
        {
            return (null, new UnreadableOrder(number, $"Amazon order {number} could not be read: {ex.Message}"));
        }
    }
}
