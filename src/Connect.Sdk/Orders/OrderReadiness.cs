using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Orders;

/// <summary>
/// Decides whether a staged order can go to the ERP: every line's foreign number must lead to an ERP article,
/// and the order must carry the data an ERP order needs (lines, quantities, a shipping address, tax). What
/// is missing is collected into one message the user can act on; the order is held until it is fixed.
/// </summary>
internal sealed class OrderReadiness(ForeignNumberResolver resolver)
{
    public async ValueTask<Readiness> CheckAsync(ConnectionId connection, ConnectorId connector, MarketplaceOrder order, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var articles = new Dictionary<string, string>(StringComparer.Ordinal);
        var untaxed = new List<int>();
        if (order.Lines.Count == 0)
        {
            problems.Add($"shop order {order.OrderNumber} has no lines");
        }

        if (order.ShippingAddress is null)
        {
            problems.Add($"shipping address missing in shop order {order.OrderNumber}");
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

            var resolution = await resolver.FindArticleAsync(connection, connector, foreignNumber, cancellationToken).ConfigureAwait(false);
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
            problems.Add($"tax information missing in shop order {order.OrderNumber} (line{(untaxed.Count > 1 ? "s" : string.Empty)} {string.Join(", ", untaxed)})");
        }

        return problems.Count == 0
            ? new Readiness(articles, null)
            : new Readiness(articles, $"{string.Join("; ", problems)}; held back from the ERP until this is corrected, then retry");
    }

    /// <summary>The ERP article of every line, or why the order is held.</summary>
    /// <param name="ArticleNumbersByLineId">The resolved lines.</param>
    /// <param name="HoldReason">Everything that keeps the order from the ERP; <see langword="null"/> when it is ready.</param>
    public sealed record Readiness(IReadOnlyDictionary<string, string> ArticleNumbersByLineId, string? HoldReason);
}
