using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Ebay.Orders;

/// <summary>
/// Reads orders with the Fulfillment API's <c>getOrders</c>: the changed ones by <c>lastmodifieddate</c>, page by page
/// with <c>limit</c> and <c>offset</c> as long as eBay names a <c>next</c> page, and orders by id for a manual import.
/// </summary>
internal sealed class EbayOrdersFeature(EbayApiClient client, IClock clock) : IOrdersFeature
{
    /// <summary>The page size the connector asks for: eBay's maximum.</summary>
    public const int PageSize = 200;

    /// <summary>The operation name of <c>getOrders</c>.</summary>
    public const string GetOrders = "fulfillment.getOrders";

    /// <summary>The operation name of <c>getOrder</c>.</summary>
    public const string GetOrder = "fulfillment.getOrder";

    // pricingSummary.fee (special fees such as recycling fees, part of the total) comes only with this field group.
    private const string TaxBreakdown = "TAX_BREAKDOWN";

    // eBay's filter takes times in UTC with milliseconds, as its reference's examples show.
    private static readonly InstantPattern FilterTime = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'");

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <summary>
    /// The orders changed since the cursor, page by page. eBay does not say in which order <c>getOrders</c> lists them, so
    /// no page but the last moves the cursor: a run that stops half-way starts again from the same point, and the
    /// imported-order ledger keeps what was read twice from reaching the ERP twice. The last page moves the cursor to the
    /// newest change read, but never past the moment the list was first asked for: an order changed while the pages were
    /// read may sit on a page read already while a later page holds a newer change, and the next import, reading from that
    /// moment, finds it (<see cref="WholeListCursor"/>).
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="since">Where the last complete run ended.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The pages.</returns>
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = await EbaySettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var listedAt = clock.GetCurrentInstant();

        // From the cursor on, inclusive: an order changed in the cursor's millisecond is read again rather than missed.
        var filter = Uri.EscapeDataString($"lastmodifieddate:[{FilterTime.Format(since.ChangedSince)}..]");
        var list = new WholeListCursor(since, listedAt);
        for (var offset = 0; ;)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"sell/fulfillment/v1/order?filter={filter}&fieldGroups={TaxBreakdown}&limit={PageSize}&offset={offset}");
            var response = await client.SendAsync(settings, MarketplaceCall.Get(path, GetOrders), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw EbayApiClient.Refused(settings, GetOrders, response, "the order list");
            }

            var page = EbayJson.Read(response, EbayJsonContext.Default.EbayOrderPageJson, settings, "the order list");
            var orders = page.Orders ?? [];
            var mapped = OrderPage.Map(orders, EbayOrderMapper.TryMap, since);

            // eBay names a next page while one follows; the connector keeps its own query and moves the offset on.
            if (page.Next is null || orders.Count == 0)
            {
                yield return list.End(mapped);
                yield break;
            }

            yield return list.Hold(mapped);
            offset += orders.Count;
        }
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = await EbaySettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return await OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(settings, number, ct), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<OrderNumberLookup> LookUpAsync(EbaySettings settings, string number, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(settings, MarketplaceCall.Get($"sell/fulfillment/v1/order/{Uri.EscapeDataString(number)}?fieldGroups={TaxBreakdown}", GetOrder), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return OrderNumberLookup.NotFound;
        }

        if (!response.IsSuccess)
        {
            var refused = EbayApiClient.Refused(settings, GetOrder, response, $"order {number}");
            return refused.CredentialsRefused || refused.Code == ConnectSdkErrorCode.MarketplaceUnavailable ? throw refused : OrderNumberLookup.Unreadable(number, refused.Message);
        }

        JsonElement json;
        try
        {
            json = JsonSerializer.Deserialize(response.Body, EbayJsonContext.Default.JsonElement);
        }
        catch (JsonException ex)
        {
            return OrderNumberLookup.Unreadable(number, $"eBay order {number} could not be read: {JsonFieldProblem.Describe(ex)}");
        }

        return EbayOrderMapper.TryMap(json, out var order, out var problem) ? OrderNumberLookup.Found(order) : OrderNumberLookup.Unreadable(problem with { OrderNumber = number });
    }
}
