using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Orders;

/// <summary>
/// Decides whether a staged order can go to the ERP: every line's foreign number must lead to an ERP article,
/// and the order must carry the data an ERP order needs (lines, quantities, a shipping address, tax). What
/// is missing is collected into one message the user can act on; the order is held until it is fixed. The sum
/// of what the ERP would book (<see cref="MappedTotal"/>) must equal the total the marketplace states, so that money is
/// never booked wrong in silence. Messages say "shop order" or "marketplace order" by the connector's channel.
/// </summary>
internal sealed class OrderReadiness(ForeignNumberResolver resolver)
{
    /// <param name="connection">The connection.</param>
    /// <param name="connector">The connection's connector.</param>
    /// <param name="order">The order.</param>
    /// <param name="resolved">
    /// The foreign numbers resolved so far for a batch of orders of this connection: a page of orders names the same few
    /// articles again and again, and each is looked up once.
    /// </param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async ValueTask<Readiness> CheckAsync(
        ConnectionId connection,
        ConnectorDescriptor connector,
        MarketplaceOrder order,
        Dictionary<ForeignNumber, ArticleResolution> resolved,
        CancellationToken cancellationToken)
    {
        var channel = connector.Channel == ChannelKind.Shop ? "shop" : "marketplace";
        var problems = new List<string>();
        var articles = new Dictionary<string, string>(StringComparer.Ordinal);
        var untaxed = new List<int>();
        if (order.Lines.Count == 0)
        {
            problems.Add($"{channel} order {order.OrderNumber} has no lines");
        }

        if (order.ShippingAddress is null)
        {
            problems.Add($"shipping address missing in {channel} order {order.OrderNumber}");
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var name = $"line {i + 1}";
            if (line.Quantity < 1)
            {
                problems.Add($"{name}: quantity {line.Quantity} (at least 1 is needed)");
            }

            // Without a rate or an amount the ERP cannot book the line's tax ("fehlende Steuerangaben im Shop").
            if (line.TaxRate is null && line.TaxAmount is null)
            {
                untaxed.Add(i + 1);
            }

            if (line.ForeignNumber is not { } foreignNumber)
            {
                problems.Add($"{name}: '{line.Title}' has no foreign number, so it maps to no ERP article");
                continue;
            }

            if (!resolved.TryGetValue(foreignNumber, out var resolution))
            {
                resolution = await resolver.FindArticleAsync(connection, connector.Id, foreignNumber, cancellationToken).ConfigureAwait(false);
                resolved[foreignNumber] = resolution;
            }

            if (resolution.IsMapped)
            {
                articles[line.LineId] = resolution.Article.Number;
            }
            else
            {
                problems.Add($"{name}: {foreignNumber.Label} '{foreignNumber.Value}' maps to no ERP article ({resolution.Message})");
            }
        }

        if (untaxed.Count > 0)
        {
            problems.Add($"tax information missing in {channel} order {order.OrderNumber} (line{(untaxed.Count > 1 ? "s" : string.Empty)} {string.Join(", ", untaxed)})");
        }

        if (TotalProblem(order, channel) is { } totalProblem)
        {
            problems.Add(totalProblem);
        }

        return problems.Count == 0
            ? new Readiness(articles, null)
            : new Readiness(articles, $"{string.Join("; ", problems)}; held back from the ERP until this is corrected, then retry");
    }

    // Exact, without a tolerance: marketplaces state every amount in the currency's minor unit, and the one rounding of
    // the SDK's own (a unit price divided from a line total) is undone by rounding the line total back (OrderLine.Total).
    // A marketplace that rounds its total once over unrounded amounts states the difference explicitly (the ERP books it),
    // and only up to the bound its rounding can explain, so a lost amount is never passed off as rounding.
    private static string? TotalProblem(MarketplaceOrder order, string channel)
    {
        if (order.Total is not { } stated)
        {
            return null;
        }

        if (stated.Currency != order.Currency)
        {
            return $"the {channel} states the total of order {order.OrderNumber} in {stated.Currency}, the order in {order.Currency}";
        }

        if (order.RoundingDifference is { } rounding && rounding.Currency == order.Currency
            && Math.Abs(rounding.Amount) > MappedTotal.MaxRoundingDifference(order).Amount)
        {
            var bound = MappedTotal.MaxRoundingDifference(order);
            return $"{channel} order {order.OrderNumber} states a rounding difference of {MappedTotal.Show(rounding)} {rounding.Currency}, "
                + $"more than the {MappedTotal.Show(bound)} {bound.Currency} its rounding can explain (one minor unit per line, per fee and for the shipping)";
        }

        MappedTotal mapped;
        try
        {
            mapped = MappedTotal.Of(order);
        }
        catch (ArgumentException ex)
        {
            return $"{channel} order {order.OrderNumber}: {ex.Message}";
        }

        if (mapped.Sum == stated)
        {
            return null;
        }

        var difference = mapped.Sum - stated;
        var more = difference.Amount > 0 ? "more" : "less";
        return $"the amounts mapped from {channel} order {order.OrderNumber} sum to {mapped}, but the {channel} states a total of "
            + $"{MappedTotal.Show(stated)} {stated.Currency}: the ERP would book {MappedTotal.Show(difference * Math.Sign(difference.Amount))} {stated.Currency} {more} than the buyer paid";
    }

    /// <summary>The ERP article of every line, or why the order is held.</summary>
    /// <param name="ArticleNumbersByLineId">The resolved lines.</param>
    /// <param name="HoldReason">Everything that keeps the order from the ERP; <see langword="null"/> when it is ready.</param>
    public sealed record Readiness(IReadOnlyDictionary<string, string> ArticleNumbersByLineId, string? HoldReason);
}
