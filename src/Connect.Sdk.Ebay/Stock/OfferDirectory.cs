using System.Collections.Concurrent;
using System.Net;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Http;

namespace Connect.Sdk.Ebay.Stock;

/// <summary>
/// The published offers of each SKU on the connection's marketplace, read once with <c>getOffers</c> and kept: a
/// quantity must reach both the inventory item and its live offers (eBay's bulk-update guide), and a price the offer,
/// and <c>bulkUpdatePriceQuantity</c> names offers by id. An offer eBay no longer knows is forgotten and read again.
/// </summary>
internal sealed class OfferDirectory(EbayApiClient client)
{
    /// <summary>The operation name of <c>getOffers</c>.</summary>
    public const string GetOffers = "inventory.getOffers";

    private readonly ConcurrentDictionary<(string Connection, string Sku), IReadOnlyList<string>> _offers = new();

    /// <summary>The ids of the SKU's published offers on the connection's marketplace.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The offer ids, or <see langword="null"/> when eBay has no inventory item or offer for the SKU.</returns>
    /// <exception cref="ConnectSdkException">eBay could not be reached or refused the read as a whole.</exception>
    public async ValueTask<IReadOnlyList<string>?> OffersOfAsync(EbaySettings settings, string sku, CancellationToken cancellationToken)
    {
        var key = (settings.ConnectionId.Value, sku);
        if (_offers.TryGetValue(key, out var known))
        {
            return known;
        }

        var path = $"sell/inventory/v1/offer?sku={Uri.EscapeDataString(sku)}&marketplace_id={Uri.EscapeDataString(settings.MarketplaceId)}";
        var response = await client.SendAsync(settings, MarketplaceCall.Get(path, GetOffers), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // eBay answers an unknown SKU with an error (25713 "This Offer is not available" in the fake): no offer.
            return null;
        }

        if (!response.IsSuccess)
        {
            throw EbayApiClient.Refused(settings, GetOffers, response, $"SKU {sku}");
        }

        var offers = EbayJson.Read(response, EbayJsonContext.Default.OffersJson, settings, $"the offers of SKU {sku}");
        var ids = (offers.Offers ?? [])
            .OfType<OfferJson>()
            .Where(o => o.Sku == sku && o.Status == "PUBLISHED" && (o.MarketplaceId is null || o.MarketplaceId == settings.MarketplaceId) && !string.IsNullOrEmpty(o.OfferId))
            .Select(o => o.OfferId!)
            .ToArray();
        _offers[key] = ids;
        return ids;
    }

    /// <summary>Forgets a SKU's offers, after eBay said one of them is not available any more.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="sku">The SKU.</param>
    public void Forget(EbaySettings settings, string sku) => _offers.TryRemove((settings.ConnectionId.Value, sku), out _);
}
