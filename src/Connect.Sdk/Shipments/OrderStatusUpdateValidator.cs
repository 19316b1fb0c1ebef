namespace Connect.Sdk.Shipments;

/// <summary>
/// Checks a status update from the ERP before it is stored, so that a broken update fails at the call that
/// made it, with a message naming the order and the field, instead of later at the marketplace.
/// </summary>
internal static class OrderStatusUpdateValidator
{
    /// <exception cref="ArgumentException">The update is incomplete; the message names the order, shipment, line and field.</exception>
    public static void Validate(OrderStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Problem(update) is { } problem)
        {
            throw new ArgumentException(problem, nameof(update));
        }
    }

    private static string? Problem(OrderStatusUpdate update)
    {
        if (string.IsNullOrWhiteSpace(update.OrderNumber))
        {
            return "The status update has no OrderNumber: it names the marketplace order the status belongs to.";
        }

        var order = $"Order {update.OrderNumber}";
        if (string.IsNullOrWhiteSpace(update.MarketplaceOrderId))
        {
            return $"{order}: MarketplaceOrderId is empty.";
        }

        if (string.IsNullOrEmpty(update.Status.Value))
        {
            return $"{order}: Status is not set.";
        }

        if (update.Shipments is null)
        {
            return $"{order}: Shipments is null; pass an empty list for an order not shipped yet.";
        }

        var shipmentIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < update.Shipments.Count; i++)
        {
            if (ShipmentProblem(update.Shipments[i], order, i + 1, shipmentIds) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ShipmentProblem(Shipment? shipment, string order, int number, HashSet<string> shipmentIds)
    {
        var position = $"{order}, shipment #{number}";
        if (shipment is null)
        {
            return $"{position} is null.";
        }

        if (string.IsNullOrWhiteSpace(shipment.ShipmentId))
        {
            return $"{position}: ShipmentId is empty.";
        }

        var name = $"{order}, shipment {shipment.ShipmentId}";
        if (!shipmentIds.Add(shipment.ShipmentId))
        {
            return $"{name}: ShipmentId occurs more than once.";
        }

        if (string.IsNullOrEmpty(shipment.Carrier.Value))
        {
            return $"{name}: Carrier is not set.";
        }

        if (string.IsNullOrWhiteSpace(shipment.TrackingNumber))
        {
            return $"{name}: TrackingNumber is empty.";
        }

        if (shipment.Lines is not { Count: > 0 })
        {
            return $"{name}: Lines is empty; a shipment holds at least one line.";
        }

        foreach (var line in shipment.Lines)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.LineId))
            {
                return $"{name}: a line has no LineId.";
            }

            if (line.Quantity < 1)
            {
                return $"{name}, line {line.LineId}: Quantity is {line.Quantity} but must be at least 1.";
            }
        }

        return null;
    }
}
