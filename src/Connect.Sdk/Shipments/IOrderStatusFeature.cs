using Connect.Sdk.Connectors;
using Connect.Sdk.Features;

namespace Connect.Sdk.Shipments;

/// <summary>A connector's order-status feature: reports status and tracking back to the marketplace.</summary>
public interface IOrderStatusFeature : IFeature
{
    /// <summary>
    /// Exports an order's status with its shipments. The connector sends only the shipments the marketplace
    /// does not have yet, so repeating an export is harmless.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="update">The status and shipments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, keyed by <see cref="OrderStatusUpdate.OrderNumber"/>.</returns>
    ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken);
}
