using System.Net;
using System.Text.Json.Serialization.Metadata;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Http;

/// <summary>Looks one order up by its number with one call, for <see cref="IOrdersFeature.FetchOrdersByNumberAsync"/>.</summary>
public static class OrderNumberLookups
{
    /// <summary>
    /// Sends the call and maps its answer: 404 is <see cref="OrderNumberLookup.NotFound"/>; an order that cannot be
    /// read, or another refusal, is that order's problem (<see cref="OrderNumberLookup.Unreadable(string, string)"/>).
    /// A refusal of the credentials throws, as it pauses the connection; so does a marketplace that cannot be reached.
    /// </summary>
    /// <typeparam name="T">The marketplace's shape of an order.</typeparam>
    /// <param name="client">The connection's client.</param>
    /// <param name="call">The call that reads the order.</param>
    /// <param name="orderNumber">The order number looked up.</param>
    /// <param name="type">The order's type info.</param>
    /// <param name="map">The connector's mapping of one order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lookup's outcome.</returns>
    /// <exception cref="ConnectSdkException">The credentials were refused, or the marketplace could not be reached.</exception>
    public static async ValueTask<OrderNumberLookup> GetAsync<T>(MarketplaceClient client, MarketplaceCall call, string orderNumber, JsonTypeInfo<T> type, TryMapOrder<T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(map);
        var answer = await client.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return OrderNumberLookup.NotFound;
        }

        try
        {
            var payload = answer.IsSuccess ? client.Read(answer, type, $"order {orderNumber}") : throw client.Refused(answer, $"order {orderNumber}");
            return map(payload, out var order, out var problem) ? OrderNumberLookup.Found(order) : OrderNumberLookup.Unreadable(problem);
        }
        catch (ConnectSdkException ex) when (!ex.CredentialsRefused)
        {
            return OrderNumberLookup.Unreadable(orderNumber, ex.Message);
        }
    }
}
