using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Decides whether the ERP can fulfil an order waiting for acceptance: every line that is still to be decided has a
/// shop SKU that maps to an ERP article (the same foreign-number resolution the import uses), and the ERP's free stock
/// of each article (on hand less reserved by open orders, from the host's stock source) covers the order's quantity of
/// it. Without the host's foreign numbers or stock source nothing can be judged, so nothing is accepted automatically.
/// Both come from the host when the first order waits, not when the connector is made: a host registers its stock
/// source and catalog after the connector, and a host that syncs no stock has none.
/// </summary>
/// <param name="resolver">Gives the host's foreign-number resolution, or <see langword="null"/>.</param>
/// <param name="stock">Gives the host's stock source, or <see langword="null"/>.</param>
internal sealed class FulfilmentCheck(Func<ForeignNumberResolver?> resolver, Func<IStockSource?> stock)
{
    /// <summary>
    /// Why the ERP cannot fulfil the order, or <see langword="null"/> when it can; an order it can fulfil is counted in
    /// <paramref name="acceptedInRun"/> at once, whether or not Mirakl then takes the acceptance, so the check errs on
    /// the side of waiting.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="order">The waiting order.</param>
    /// <param name="acceptedInRun">What the run has let through before this order.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The reason in the user's words, or <see langword="null"/>.</returns>
    public async ValueTask<string?> WhyNotAsync(ConnectionContext connection, MiraklOrderJson order, AcceptedStock acceptedInRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acceptedInRun);
        if (resolver() is not { } foreignNumbers || stock() is not { } erpStock)
        {
            return "automatic acceptance needs the ERP's foreign numbers and stock source, and this host has none";
        }

        var needed = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = order.OrderLines ?? [];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line?.OfferSku is not { Length: > 0 } sku)
            {
                return $"line {i + 1} has no shop SKU (offer_sku), so it maps to no ERP article";
            }

            var resolution = await foreignNumbers.FindArticleAsync(connection.ConnectionId, ConnectorId.Mirakl, new ForeignNumber(ForeignNumberLabel.MiraklShopSku, sku), cancellationToken).ConfigureAwait(false);
            if (!resolution.IsMapped)
            {
                return $"line {i + 1}: shop SKU '{sku}' maps to no ERP article ({resolution.Message})";
            }

            needed[resolution.Article.Number] = needed.GetValueOrDefault(resolution.Article.Number) + (line.Quantity ?? 0);
        }

        if (needed.Count == 0)
        {
            return "the order has no lines";
        }

        var levels = (await erpStock.GetStockAsync(needed.Keys, cancellationToken).ConfigureAwait(false))
            .ToDictionary(l => l.ArticleNumber, l => l.OnHand - l.ReservedByOpenOrders, StringComparer.Ordinal);
        foreach (var (article, quantity) in needed)
        {
            var free = levels.GetValueOrDefault(article);
            var taken = acceptedInRun.TakenOf(article);
            if (free - taken < quantity)
            {
                return taken == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"the ERP has {free:0.###} of article {article} free, the order needs {quantity}")
                    : string.Create(CultureInfo.InvariantCulture, $"the ERP has {free:0.###} of article {article} free, {taken:0.###} of it taken by orders accepted before in this run, the order needs {quantity}");
            }
        }

        acceptedInRun.Take(needed);
        return null;
    }
}
