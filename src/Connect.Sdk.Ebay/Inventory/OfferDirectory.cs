using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;

namespace Connect.Sdk.Ebay.Inventory;

/// <summary>
/// The published offers of each SKU on the connection's marketplace, read once with <c>getOffers</c> and kept: a
/// quantity must reach both the inventory item and its live offers (eBay's bulk-update guide), a price the offer, and
/// <c>bulkUpdatePriceQuantity</c> names offers by id. An offer eBay no longer knows is forgotten and read again. It also
/// finds the SKUs of a listing id (<c>eBayListing</c>, the SDK's foreign number for a simple article): the Inventory API
/// has no lookup by listing id, so the seller's inventory items are read (<c>getInventoryItems</c>) with each SKU's
/// offers, and the listing ids kept. A listing id found once is kept; one not found is answered from the last scan for
/// <see cref="ScanLifetime"/>, so that one scan serves a whole run however many unknown listing ids it has, and a
/// listing made later is found by the next run's scan. A scan reads every SKU's offers afresh, kept or not: a known SKU
/// relisted under a new listing id is found by it too, not only after the connector restarts.
/// </summary>
internal sealed class OfferDirectory(EbayApiClient client, TimeProvider time)
{
    /// <summary>How long a scan of the inventory items answers for listing ids it did not find: longer than a run.</summary>
    public static readonly TimeSpan ScanLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The operation name of <c>getOffers</c>.</summary>
    public const string GetOffers = "inventory.getOffers";

    /// <summary>The operation name of <c>getInventoryItems</c>.</summary>
    public const string GetInventoryItems = "inventory.getInventoryItems";

    private const int InventoryPageSize = 200;

    private readonly ConcurrentDictionary<(string Connection, string Sku), IReadOnlyList<OfferJson>> _offers = new();
    private readonly ConcurrentDictionary<(string Connection, string ListingId), ConcurrentDictionary<string, byte>> _skusOfListing = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastScan = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _scanGates = new(StringComparer.Ordinal);

    /// <summary>
    /// The SKUs a stock or price record can go to: its SKU, or every SKU live on its listing id (one for a single-SKU
    /// listing, one per variation for a variation listing).
    /// </summary>
    /// <param name="settings">The connection.</param>
    /// <param name="foreignNumber">The record's foreign number.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The SKUs, sorted; empty for a listing id none of the seller's offers has, or another label.</returns>
    public async ValueTask<IReadOnlyList<string>> SkusOfAsync(EbaySettings settings, ForeignNumber foreignNumber, CancellationToken cancellationToken)
    {
        if (foreignNumber.Label == ForeignNumberLabel.Sku || foreignNumber.Label == ForeignNumberLabel.Bestandseinheit)
        {
            return [foreignNumber.Value];
        }

        if (foreignNumber.Label != ForeignNumberLabel.EbayListing)
        {
            return [];
        }

        var key = (settings.ConnectionId.Value, foreignNumber.Value);
        if (!_skusOfListing.ContainsKey(key))
        {
            await ScanUnlessRecentAsync(settings, cancellationToken).ConfigureAwait(false);
        }

        return _skusOfListing.TryGetValue(key, out var skus) ? [.. skus.Keys.Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The ids of the SKU's published offers on the connection's marketplace.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The offer ids, or <see langword="null"/> when eBay has no inventory item or offer for the SKU.</returns>
    /// <exception cref="ConnectSdkException">eBay could not be reached or refused the read as a whole.</exception>
    public async ValueTask<IReadOnlyList<string>?> OffersOfAsync(EbaySettings settings, string sku, CancellationToken cancellationToken) =>
        await PublishedOffersAsync(settings, sku, fresh: false, cancellationToken).ConfigureAwait(false) is { } offers ? [.. offers.Select(o => o.OfferId!)] : null;

    /// <summary>Forgets a SKU's offers, after eBay said one of them is not available any more.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="sku">The SKU.</param>
    public void Forget(EbaySettings settings, string sku) => _offers.TryRemove((settings.ConnectionId.Value, sku), out _);

    // fresh: read the offers even when kept, as a scan does; a SKU relisted under a new listing id is found by it then.
    private async ValueTask<IReadOnlyList<OfferJson>?> PublishedOffersAsync(EbaySettings settings, string sku, bool fresh, CancellationToken cancellationToken)
    {
        var key = (settings.ConnectionId.Value, sku);
        if (!fresh && _offers.TryGetValue(key, out var known))
        {
            return known;
        }

        var path = $"sell/inventory/v1/offer?sku={Uri.EscapeDataString(sku)}&marketplace_id={Uri.EscapeDataString(settings.MarketplaceId)}";
        var response = await client.SendAsync(settings, MarketplaceCall.Get(path, GetOffers), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // eBay answers a SKU it does not know with an error (25713 "This Offer is not available" in the fake): no offer.
            return null;
        }

        if (!response.IsSuccess)
        {
            throw EbayApiClient.Refused(settings, GetOffers, response, $"SKU {sku}");
        }

        var offers = EbayJson.Read(response, EbayJsonContext.Default.OffersJson, settings, $"the offers of SKU {sku}");
        OfferJson[] published = [.. (offers.Offers ?? [])
            .OfType<OfferJson>()
            .Where(o => o.Sku == sku && o.Status == "PUBLISHED" && (o.MarketplaceId is null || o.MarketplaceId == settings.MarketplaceId) && !string.IsNullOrEmpty(o.OfferId))];
        _offers[key] = published;
        foreach (var offer in published.Where(o => !string.IsNullOrEmpty(o.Listing?.ListingId)))
        {
            // A variation listing has one SKU per variation: every one is kept, none replaces another.
            _skusOfListing.GetOrAdd((settings.ConnectionId.Value, offer.Listing!.ListingId!), _ => new(StringComparer.Ordinal))[sku] = 0;
        }

        return published;
    }

    // One scan at a time per connection; a record that waited for another's scan takes its answer.
    private async Task ScanUnlessRecentAsync(EbaySettings settings, CancellationToken cancellationToken)
    {
        var connection = settings.ConnectionId.Value;
        var gate = _scanGates.GetOrAdd(connection, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastScan.TryGetValue(connection, out var last) && time.GetUtcNow() - last < ScanLifetime)
            {
                return;
            }

            await ReadListingsAsync(settings, cancellationToken).ConfigureAwait(false);
            _lastScan[connection] = time.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ReadListingsAsync(EbaySettings settings, CancellationToken cancellationToken)
    {
        for (var offset = 0; ;)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"sell/inventory/v1/inventory_item?limit={InventoryPageSize}&offset={offset}");
            var response = await client.SendAsync(settings, MarketplaceCall.Get(path, GetInventoryItems), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw EbayApiClient.Refused(settings, GetInventoryItems, response, "the inventory items");
            }

            var page = EbayJson.Read(response, EbayJsonContext.Default.InventoryItemsJson, settings, "the inventory items");
            var items = (page.InventoryItems ?? []).OfType<InventoryItemJson>().Where(i => !string.IsNullOrEmpty(i.Sku)).ToArray();
            foreach (var item in items)
            {
                await PublishedOffersAsync(settings, item.Sku!, fresh: true, cancellationToken).ConfigureAwait(false);
            }

            if (page.Next is null || items.Length == 0)
            {
                return;
            }

            offset += InventoryPageSize;
        }
    }
}
