using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.WooCommerce.Orders;

/// <summary>
/// Reads orders: <c>GET /orders?modified_after=…&amp;dates_are_gmt=true&amp;orderby=modified&amp;order=asc&amp;per_page=100</c>
/// page after page until <c>X-WP-TotalPages</c>, and orders by number for a manual import.
/// </summary>
/// <remarks>
/// Page numbers shift when an order already read is changed while the import runs (it moves to the end, and the order
/// after the page boundary moves onto a page already read). So after each full page the next request starts again from
/// the page's newest change (minus one second, as WooCommerce's times have whole seconds and <c>modified_after</c> is
/// exclusive) at page 1; only a page whose orders all share one second is followed by its next page number. Orders read
/// twice that way are harmless: the SDK imports each order once.
/// </remarks>
internal sealed class WooCommerceOrdersFeature(WooCommerceClient client) : IOrdersFeature
{
    /// <summary>The page size the connector asks for: WordPress's maximum.</summary>
    public const int PageSize = WooCommerceApi.MaxPageSize;

    // A number that is not an order id is searched; this bounds how many result pages are read for one number.
    private const int MaxSearchPages = 10;

    private static readonly InstantPattern FilterPattern = InstantPattern.CreateWithInvariantCulture(WooCommerceApi.DateFormat);

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var bound = since.ChangedSince - Duration.FromSeconds(1);
        var page = 1;
        var resume = since.ChangedSince;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = string.Create(CultureInfo.InvariantCulture, $"orders?modified_after={FilterPattern.Format(bound)}&dates_are_gmt=true&orderby=modified&order=asc&per_page={PageSize}&page={page}");

            // A failed page throws: skipping it would move the SDK's cursor past orders never read.
            var response = await client.SendAsync(connection, WooCommerceCall.Get(path, "orders.list"), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new ConnectSdkException($"WooCommerce answered the order list with {(int)response.StatusCode} {WooCommerceClient.Describe(response.Body)}.")
                {
                    ConnectionId = connection.ConnectionId,
                    MarketplaceStatusCode = (int)response.StatusCode,
                };
            }

            var items = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.JsonElementArray, "the order list");
            if (items.Length == 0)
            {
                yield break;
            }

            // Mapped from the cursor so far, the page resumes at its newest change, never before that cursor.
            var read = OrderPage.Map(items, WooCommerceOrderMapper.TryMap, new OrderCursor(resume));
            resume = read.Resume.ChangedSince;
            yield return read;

            if (items.Length < PageSize || (response.TotalPages is { } total && page >= total))
            {
                yield break;
            }

            var next = resume - Duration.FromSeconds(1);
            if (next > bound)
            {
                (bound, page) = (next, 1);
            }
            else
            {
                page++;
            }
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
