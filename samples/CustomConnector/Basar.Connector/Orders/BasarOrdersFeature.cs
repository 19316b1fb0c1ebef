using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Basar.Connector.Http;
using Basar.Connector.Wire;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using NodaTime;
using NodaTime.Text;

namespace Basar.Connector.Orders;

/// <summary>
/// Reads orders: <c>GET /api/v1/orders?updatedSince=…&amp;limit=…</c> page after page through Basar's opaque
/// <c>nextCursor</c>, and <c>GET /api/v1/orders/{number}</c> for an import by number.
/// </summary>
internal sealed class BasarOrdersFeature(BasarApiClient client) : IOrdersFeature
{
    /// <summary>The page size the connector asks for.</summary>
    public const int PageSize = 50;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Orders;

    /// <inheritdoc />
    public async IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = $"orders?updatedSince={Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(since.ChangedSince))}&limit={PageSize}";
        string? cursor = null;
        do
        {
            var path = cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}";

            // A failed page throws: skipping it would move the SDK's cursor past orders never read.
            var response = await client.SendAsync(connection, HttpMethod.Get, path, null, BasarRetry.Idempotent, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new ConnectSdkException($"Basar answered the order list with {(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}.")
                {
                    ConnectionId = connection.ConnectionId,
                    MarketplaceStatusCode = (int)response.StatusCode,
                };
            }

            var page = BasarApiClient.Read(response, BasarJsonContext.Default.BasarOrderListJson, "the order list");
            var (orders, unreadable) = MapAll(page.Orders);
            if (page.Orders.Count > 0)
            {
                yield return new OrderPage(orders, unreadable, new OrderCursor(NewestChange(orders, since.ChangedSince)));
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <inheritdoc />
    public async ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        var found = new List<MarketplaceOrder>();
        var notFound = new List<string>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var number in orderNumbers)
        {
            var response = await client.SendAsync(connection, HttpMethod.Get, $"orders/{Uri.EscapeDataString(number)}", null, BasarRetry.Idempotent, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                notFound.Add(number);
                continue;
            }

            if (!response.IsSuccess)
            {
                unreadable.Add(new UnreadableOrder(number, $"Basar answered order {number} with {(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}."));
                continue;
            }

            JsonElement json;
            try
            {
                json = JsonSerializer.Deserialize(response.Body, BasarJsonContext.Default.JsonElement);
            }
            catch (JsonException ex)
            {
                unreadable.Add(new UnreadableOrder(number, $"Basar answered order {number} with a body that is not JSON: {ex.Message}"));
                continue;
            }

            if (BasarOrderMapper.TryMap(json, out var order, out var problem))
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

    private static (List<MarketplaceOrder> Orders, List<UnreadableOrder> Unreadable) MapAll(IEnumerable<JsonElement> page)
    {
        var orders = new List<MarketplaceOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var json in page)
        {
            if (BasarOrderMapper.TryMap(json, out var order, out var problem))
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

    // The SDK resumes from the newest change on the page; a page of unreadable orders only keeps the cursor where it was.
    private static Instant NewestChange(List<MarketplaceOrder> orders, Instant since) =>
        orders.Count == 0 ? since : orders.Max(o => o.UpdatedAt);
}
