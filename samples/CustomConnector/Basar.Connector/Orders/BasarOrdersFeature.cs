using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Basar.Connector.Http;
using Basar.Connector.Wire;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
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
            if (page.Orders.Count > 0)
            {
                yield return OrderPage.Map(page.Orders, BasarOrderMapper.TryMap, since);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <inheritdoc />
    public ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
        OrderLookupResult.LookUpEachAsync(orderNumbers, (number, ct) => LookUpAsync(connection, number, ct), cancellationToken);

    private async ValueTask<OrderNumberLookup> LookUpAsync(ConnectionContext connection, string number, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(connection, HttpMethod.Get, $"orders/{Uri.EscapeDataString(number)}", null, BasarRetry.Idempotent, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return OrderNumberLookup.NotFound;
        }

        if (!response.IsSuccess)
        {
            return OrderNumberLookup.Unreadable(number, $"Basar answered order {number} with {(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}.");
        }

        JsonElement json;
        try
        {
            json = JsonSerializer.Deserialize(response.Body, BasarJsonContext.Default.JsonElement);
        }
        catch (JsonException ex)
        {
            return OrderNumberLookup.Unreadable(number, $"Basar answered order {number} with a body that is not JSON: {ex.Message}");
        }

        return BasarOrderMapper.TryMap(json, out var order, out var problem) ? OrderNumberLookup.Found(order) : OrderNumberLookup.Unreadable(problem);
    }
}
