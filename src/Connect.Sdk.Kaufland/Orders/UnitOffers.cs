using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Wire;

namespace Connect.Sdk.Kaufland.Orders;

/// <summary>
/// Finds the unit behind an order unit's offer: an order unit names the seller's <c>id_offer</c>, not the
/// <c>id_unit</c> the ERP knows the article by (the Seller API's <c>OrderUnit</c> has no <c>id_unit</c>), so each
/// offer is looked up once per import with <c>GET /units?storefront=…&amp;id_offer=…</c>.
/// </summary>
internal sealed class UnitOffers(KauflandClient client)
{
    /// <summary>The <c>id_unit</c> of each offer that the seller still has on the storefront.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="offers">The <c>id_offer</c>s.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The unit ids by offer; an offer without a unit (deleted since) is missing, and its line has no foreign number.</returns>
    /// <exception cref="ConnectSdkException">The keys were refused, or Kaufland is unreachable, throttling or failing.</exception>
    public async Task<IReadOnlyDictionary<string, long>> UnitIdsAsync(ConnectionContext connection, IEnumerable<string> offers, CancellationToken cancellationToken)
    {
        var storefront = KauflandClient.SettingsOf(connection).Storefront;
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var offer in offers.Distinct(StringComparer.Ordinal))
        {
            var (answer, marketplace) = await client.SendAsync(connection, MarketplaceCall.Get($"units?storefront={storefront}&id_offer={Uri.EscapeDataString(offer)}&limit=1", "units.list"), cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests || (int)answer.StatusCode >= 500)
            {
                throw marketplace.Refused(answer, $"the unit of offer {offer}");
            }

            if (answer.IsSuccess && PayloadList.WithoutNulls(marketplace.Read(answer, KauflandJsonContext.Default.KauflandUnitListJson, $"the unit of offer {offer}").Data, "data") is [var unit, ..] && unit.IdOffer == offer)
            {
                found[offer] = unit.IdUnit;
            }
        }

        return found;
    }
}
