using System.Globalization;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Wire;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Lists the orders the shop has accepted that Mirakl holds until the buyer's debit (OR11 with
/// <c>order_state_codes=WAITING_DEBIT,WAITING_DEBIT_PAYMENT</c>): they take stock the ERP does not know of yet, because
/// they reach it only once Mirakl moves them to <c>SHIPPING</c>.
/// </summary>
internal sealed class AwaitingDebit(MiraklClient client)
{
    private const int PageSize = MiraklOrdersFeature.PageSize;

    /// <summary>Every order waiting for its debit; one Mirakl cannot render as an order is left out.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The orders.</returns>
    public async Task<IReadOnlyList<MiraklOrderJson>> ListAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        var orders = new List<MiraklOrderJson>();
        for (var offset = 0; ; offset += PageSize)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"orders?order_state_codes={MiraklOrderStates.WaitingDebit},{MiraklOrderStates.WaitingDebitPayment}&offset={offset}&max={PageSize}");
            var list = await client.ReadAsync(connection, MarketplaceCall.Get(path, "orders.list"), MiraklJsonContext.Default.MiraklOrderListJson, "the orders waiting for their debit", cancellationToken).ConfigureAwait(false);
            var raw = list.Orders ?? [];
            foreach (var json in raw)
            {
                if (Read(json) is { } order)
                {
                    orders.Add(order);
                }
            }

            if (raw.Length < PageSize || (list.TotalCount is { } total && offset + raw.Length >= total))
            {
                return orders;
            }
        }
    }

    private static MiraklOrderJson? Read(JsonElement json)
    {
        try
        {
            return json.Deserialize(MiraklJsonContext.Default.MiraklOrderJson);
        }
        catch (JsonException)
        {
            // The import reads it once Mirakl moves it on, and fails naming what is wrong with it then.
            return null;
        }
    }
}
