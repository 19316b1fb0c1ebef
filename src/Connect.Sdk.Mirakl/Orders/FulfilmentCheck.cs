using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// Decides whether the ERP can fulfil an order waiting for acceptance: every line that is still to be decided has a
/// shop SKU that maps to an ERP article (the same foreign-number resolution the import uses), and the ERP's free stock
/// of each article (on hand less reserved by open orders, from the host's stock source), less what orders accepted on
/// Mirakl but not in the ERP yet take (<see cref="AcceptedStock"/>), covers the order's quantity of it. Without the
/// host's foreign numbers or stock source nothing can be judged, so nothing is accepted automatically. Both come from
/// the host when the first order waits, not when the connector is made: a host registers its stock source and catalog
/// after the connector, and a host that syncs no stock has none.
/// </summary>
/// <param name="resolver">Gives the host's foreign-number resolution, or <see langword="null"/>.</param>
/// <param name="stock">Gives the host's stock source, or <see langword="null"/>.</param>
/// <param name="awaitingDebit">Lists the orders accepted earlier that wait for the buyer's debit.</param>
internal sealed class FulfilmentCheck(Func<ForeignNumberResolver?> resolver, Func<IStockSource?> stock, AwaitingDebit awaitingDebit)
{
    /// <summary>
    /// Why the ERP cannot fulfil the order, or <see langword="null"/> when it can; an order it can fulfil is counted in
    /// <paramref name="accepted"/> at once, whether or not Mirakl then takes the acceptance, so the check errs on
    /// the side of waiting.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="order">The waiting order.</param>
    /// <param name="accepted">What orders accepted and not in the ERP yet take.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The reason in the user's words, or <see langword="null"/>.</returns>
    public async ValueTask<string?> WhyNotAsync(ConnectionContext connection, MiraklOrderJson order, AcceptedStock accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (resolver() is not { } foreignNumbers || stock() is not { } erpStock)
        {
            return "automatic acceptance needs the ERP's foreign numbers and stock source, and this host has none";
        }

        if (!accepted.EarlierCounted)
        {
            await CountEarlierAsync(connection, foreignNumbers, accepted, cancellationToken).ConfigureAwait(false);
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

            var resolution = await ResolveAsync(connection, foreignNumbers, sku, cancellationToken).ConfigureAwait(false);
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
            var taken = accepted.TakenOf(article);
            if (free - taken < quantity)
            {
                return taken == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"the ERP has {free:0.###} of article {article} free, the order needs {quantity}")
                    : string.Create(CultureInfo.InvariantCulture, $"the ERP has {free:0.###} of article {article} free, {taken:0.###} of it taken by orders accepted on Mirakl and not in the ERP yet, the order needs {quantity}");
            }
        }

        accepted.Take(needed);
        return null;
    }

    private static ValueTask<ArticleResolution> ResolveAsync(ConnectionContext connection, ForeignNumberResolver foreignNumbers, string sku, CancellationToken cancellationToken) =>
        foreignNumbers.FindArticleAsync(connection.ConnectionId, ConnectorId.Mirakl, new ForeignNumber(ForeignNumberLabel.MiraklShopSku, sku), cancellationToken);

    // Orders accepted in an earlier run that wait for the buyer's debit are not in the ERP, so its free stock still
    // counts what they take. A line refused or cancelled takes nothing; one whose SKU maps to no article takes nothing
    // the check could compare.
    private async Task CountEarlierAsync(ConnectionContext connection, ForeignNumberResolver foreignNumbers, AcceptedStock accepted, CancellationToken cancellationToken)
    {
        var earlier = new List<IReadOnlyDictionary<string, int>>();
        foreach (var order in await awaitingDebit.ListAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var needed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in order.OrderLines ?? [])
            {
                if (line?.OfferSku is not { Length: > 0 } sku || (line.OrderLineState is { } state && MiraklOrderStates.DroppedLines.Contains(state)))
                {
                    continue;
                }

                var resolution = await ResolveAsync(connection, foreignNumbers, sku, cancellationToken).ConfigureAwait(false);
                if (resolution.IsMapped)
                {
                    needed[resolution.Article.Number] = needed.GetValueOrDefault(resolution.Article.Number) + (line.Quantity ?? 0);
                }
            }

            earlier.Add(needed);
        }

        accepted.TakeEarlier(earlier);
    }
}
