using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Stock;

/// <summary>
/// Finds the product or variation behind a SKU with <c>GET /products?sku=…</c> (which also lists variations) and keeps
/// the answer per connection, so a SKU costs one lookup, not one per sync. A target the shop no longer knows is
/// forgotten when a batch reports its id as invalid.
/// </summary>
internal sealed class SkuDirectory(WooCommerceClient client, ILogger logger)
{
    private readonly ConcurrentDictionary<(ConnectionId Connection, string Sku), StockTarget> _known = new();

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

        var target = new StockTarget(product.Id, product.Type == "variation" ? product.ParentId : null);
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

    /// <summary>Forgets a SKU whose product or variation the shop no longer knows, so the next sync looks it up again.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sku">The SKU.</param>
    public void Forget(ConnectionId connection, string sku) => _known.TryRemove((connection, sku), out _);
}
