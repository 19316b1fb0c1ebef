using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Wire;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>Reads one order by its id with OR11 (<c>GET /api/orders?order_ids=…</c>), as Mirakl has no single-order route for shops.</summary>
internal sealed class OrderReader(MiraklClient client)
{
    /// <summary>Reads the order.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order as listed, or <see langword="null"/> when Mirakl has none with this id.</returns>
    public async Task<JsonElement?> ReadAsync(ConnectionContext connection, string id, CancellationToken cancellationToken)
    {
        var list = await client.ReadAsync(connection, MarketplaceCall.Get($"orders?order_ids={Uri.EscapeDataString(id)}", "orders.list"), MiraklJsonContext.Default.MiraklOrderListJson, $"order {id}", cancellationToken).ConfigureAwait(false);
        foreach (var order in list.Orders ?? [])
        {
            if (order.ValueKind == JsonValueKind.Object && order.TryGetProperty("order_id", out var orderId) && orderId.ValueKind == JsonValueKind.String && orderId.GetString() == id)
            {
                return order;
            }
        }

        return null;
    }
}
