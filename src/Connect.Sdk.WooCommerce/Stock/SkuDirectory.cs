using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Stock;

/// <summary>
/// Finds the product or variation behind a SKU with <c>GET /products?sku=…</c> (which also lists variations) and keeps
/// the answer per connection, so a SKU costs one lookup, not one per sync. A target the shop no longer knows is
/// forgotten when a batch reports its id as invalid. The stock and price features share it.
/// </summary>
internal sealed class SkuDirectory(WooCommerceClient client, ILogger logger)
{
    private readonly ConcurrentDictionary<(ConnectionId Connection, string Sku), StockTarget> _known = new();

    /// <summary>
    /// The product or variation a stock or price record is written to, or the record's failure: a foreign number that is
    /// no SKU, a SKU the shop does not know, or a lookup the shop refused or answered unreadably.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="articleNumber">The record's article number.</param>
    /// <param name="foreignNumber">The record's foreign number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The target, or the record's failure.</returns>
    /// <exception cref="ConnectSdkException">
    /// The shop refused the key (401, 403), could not be reached or kept failing (<see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>):
    /// the connection's failure, not the record's.
    /// </exception>
    public async Task<SkuLookup> TargetOfAsync(ConnectionContext connection, string articleNumber, ForeignNumber foreignNumber, CancellationToken cancellationToken)
    {
        if (foreignNumber.Label != ForeignNumberLabel.Sku)
        {
            return SkuLookup.Failed(articleNumber, $"Article {articleNumber} ({foreignNumber.Label} {foreignNumber.Value}): WooCommerce identifies articles by SKU, not by '{foreignNumber.Label}'.");
        }

        try
        {
            return await FindAsync(connection, foreignNumber.Value, cancellationToken).ConfigureAwait(false) is { } target
                ? SkuLookup.Found(target)
                : SkuLookup.Failed(articleNumber, $"Article {articleNumber}: WooCommerce has no product or variation with SKU {foreignNumber.Value}.");
        }
        catch (ConnectSdkException ex) when (!CredentialsRefusal.In(ex) && ex.Code != ConnectSdkErrorCode.MarketplaceUnavailable)
        {
            // A refused key (401 woocommerce_rest_cannot_view, 403) is the connection's, not the article's: it goes up,
            // and the SDK pauses the connection instead of failing every article of the batch with it. So does a shop
            // that cannot be reached or keeps failing: the run fails once, and the scheduler runs it again.
            return SkuLookup.Failed(articleNumber, $"Article {articleNumber}: {ex.Message}");
        }
    }

    /// <summary>The product or variation with this SKU.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The target, or <see langword="null"/> when the shop has no product or variation with this SKU.</returns>
    /// <exception cref="ConnectSdkException">The shop refused the lookup or answered something unreadable.</exception>
    public async Task<StockTarget?> FindAsync(ConnectionContext connection, string sku, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue((connection.ConnectionId, sku), out var known))
        {
            return known;
        }

        if (await LookUpAsync(connection, sku, cancellationToken).ConfigureAwait(false) is not { } product)
        {
            WooCommerceLog.UnknownSku(logger, sku, connection.ConnectionId);
            return null;
        }

        var target = new StockTarget(product.Id, product.Type == "variation" ? product.ParentId : null, product.Type);
        _known[(connection.ConnectionId, sku)] = target;
        return target;
    }

    /// <summary>The product or variation with this SKU as the shop holds it now, for reading a write in doubt back.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The product, or <see langword="null"/> when the shop has none with this SKU.</returns>
    /// <exception cref="ConnectSdkException">The shop refused the lookup or answered something unreadable.</exception>
    public async Task<WooProductJson?> LookUpAsync(ConnectionContext connection, string sku, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(connection, WooCommerceCall.Get($"products?sku={Uri.EscapeDataString(sku)}", "products.list"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw WooCommerceClient.Refused(connection, response, $"the lookup of SKU {sku}");
        }

        var products = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooProductJsonArray, $"the lookup of SKU {sku}");

        // WooCommerce matches the SKU exactly, but a plugin may widen the search: only the exact SKU counts.
        return Array.Find(products, p => string.Equals(p.Sku, sku, StringComparison.Ordinal));
    }

    /// <summary>
    /// Takes note of a batch item the shop refused: a SKU whose product or variation id the shop does not know (any more)
    /// is forgotten, so the next sync looks it up again.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="error">The item's error.</param>
    public void Refused(ConnectionId connection, string sku, WooErrorJson error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (WooCommerceApi.UnknownIdCodes.Contains(error.Code))
        {
            Forget(connection, sku);
        }
    }

    /// <summary>Forgets a SKU's target, so the next sync looks it up again (e.g. the product may have changed its type).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sku">The SKU.</param>
    public void Forget(ConnectionId connection, string sku) => _known.TryRemove((connection, sku), out _);
}
