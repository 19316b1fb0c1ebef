using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;

namespace Connect.Sdk.Shipments;

/// <summary>
/// Decides whether the test phase may write an order's status to the marketplace: only when the order came in
/// through this connection and every line maps to an article of the restricted article mapping, so that a test
/// never marks a real customer's order as shipped.
/// </summary>
internal sealed class RestrictedOrderCheck(IOrderStagingStore staging, IForeignNumberStore foreignNumbers, ForeignNumberResolver resolver)
{
    /// <summary>Returns why the order may not be written in the test phase, or <see langword="null"/> when it may.</summary>
    public async ValueTask<string?> RefusalAsync(ConnectionId connection, Connectors.ConnectorId connector, string orderNumber, CancellationToken cancellationToken)
    {
        var staged = await staging.GetAsync(connection, orderNumber, cancellationToken).ConfigureAwait(false);
        if (staged is null)
        {
            return $"Test phase: order {orderNumber} was not imported through this connection, so its articles cannot be checked against the restricted article mapping; nothing was sent.";
        }

        var restricted = await foreignNumbers.GetRestrictedMappingAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var line in staged.Order.Lines)
        {
            var article = line.ForeignNumber is { } foreignNumber
                ? (await resolver.FindArticleAsync(connection, connector, foreignNumber, cancellationToken).ConfigureAwait(false)).Article
                : null;
            if (article is null || !restricted.Allows(article))
            {
                return $"Test phase: line {line.LineId} of order {orderNumber} ({article?.Number ?? line.ForeignNumber?.ToString() ?? line.Title}) is not in the restricted article mapping; nothing was sent.";
            }
        }

        return null;
    }
}
