using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Step zero of a Mirakl order import: an order whose lines wait for acceptance is accepted (OR21, every line) when the
/// connection accepts automatically and the ERP can fulfil it (<see cref="FulfilmentCheck"/>), or when the user asked
/// for it (a retry from the journal, an import by number); then it is read again, and the import goes on with the
/// accepted order. Otherwise it stays waiting, with the reason. The connector never refuses a line: a refusal cannot
/// be undone, so it is the seller's, in the back office.
/// </summary>
/// <remarks>
/// Acceptance happens before the order is staged. A run that dies after OR21 answered leaves the order accepted on
/// Mirakl with a new <c>last_updated_date</c>, after the import's cursor: the next run lists it in <c>SHIPPING</c> and
/// imports it through the SDK's two steps, once.
/// </remarks>
internal sealed class OrderAcceptance(MiraklClient client, OrderReader reader, FulfilmentCheck fulfilment, ILogger logger)
{
    /// <summary>The order as the import should see it, or the reason it still waits for acceptance.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="settings">Its settings.</param>
    /// <param name="json">The order as listed.</param>
    /// <param name="userAsked">Whether the user asked for this order (retry, import by number): that accepts it.</param>
    /// <param name="acceptedInRun">What the run has accepted automatically before this order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The order (read again after an acceptance), or the reason it waits.</returns>
    public async Task<(JsonElement Order, string? WaitingReason)> DecideAsync(ConnectionContext connection, MiraklSettings settings, JsonElement json, bool userAsked, AcceptedStock acceptedInRun, CancellationToken cancellationToken)
    {
        MiraklOrderJson order;
        try
        {
            order = json.Deserialize(MiraklJsonContext.Default.MiraklOrderJson) ?? throw new JsonException("null order");
        }
        catch (JsonException)
        {
            // The mapping names what is wrong with it.
            return (json, null);
        }

        if (order.OrderState != MiraklOrderStates.WaitingAcceptance || order.OrderId is not { } id)
        {
            return (json, null);
        }

        string reason;
        if (userAsked)
        {
            reason = "the user asked for it";
        }
        else if (settings.Acceptance == MiraklAcceptance.Manual)
        {
            return (json, Waiting(connection, id, "this connection accepts orders by hand (setting acceptance: manual)"));
        }
        else if (await fulfilment.WhyNotAsync(connection, order, acceptedInRun, cancellationToken).ConfigureAwait(false) is { } whyNot)
        {
            return (json, Waiting(connection, id, "the ERP cannot fulfil it: " + whyNot));
        }
        else
        {
            reason = "the ERP can fulfil every line";
        }

        var body = JsonSerializer.Serialize(
            new MiraklAcceptJson([.. (order.OrderLines ?? []).Where(l => l?.OrderLineId is not null).Select(l => new MiraklLineDecisionJson(l.OrderLineId!, Accepted: true))]),
            MiraklJsonContext.Default.MiraklAcceptJson);
        try
        {
            // Accepting twice is refused by Mirakl, not applied twice: the order is read again either way.
            var (answer, mirakl) = await client.SendAsync(connection, new MarketplaceCall(HttpMethod.Put, $"orders/{Uri.EscapeDataString(id)}/accept", "orders.accept") { Body = body }, cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // The key, not the order: it goes up, and the SDK pauses the connection.
                throw mirakl.Refused(answer, $"the acceptance of order {id}");
            }

            if (!answer.IsSuccess && answer.StatusCode != HttpStatusCode.BadRequest)
            {
                // This order waits; the rest of the page goes on.
                return (json, Waiting(connection, id, $"Mirakl answered the acceptance with {(int)answer.StatusCode} {MiraklClient.Describe(answer.Body)}; the next run tries again"));
            }
        }
        catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))
        {
            // Read below: the order tells whether the acceptance went through.
        }

        var again = await reader.ReadAsync(connection, id, cancellationToken).ConfigureAwait(false);
        if (again is not { } accepted)
        {
            return (json, Waiting(connection, id, "Mirakl no longer lists it after the acceptance"));
        }

        if (accepted.TryGetProperty("order_state", out var state) && state.GetString() == MiraklOrderStates.WaitingAcceptance)
        {
            return (accepted, Waiting(connection, id, "Mirakl did not take the acceptance; the next run tries again"));
        }

        MiraklLog.Accepted(logger, id, reason, connection.ConnectionId);
        return (accepted, null);
    }

    private string Waiting(ConnectionContext connection, string id, string why)
    {
        MiraklLog.Waiting(logger, id, why, connection.ConnectionId);
        return $"waiting for acceptance on Mirakl: {why}. Retry this order to accept all its lines (or accept or refuse it in the Mirakl back office); it is imported once accepted";
    }
}
