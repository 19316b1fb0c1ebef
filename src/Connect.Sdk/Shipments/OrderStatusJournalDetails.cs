using Connect.Sdk.Journal;

namespace Connect.Sdk.Shipments;

/// <summary>What an order-status journal entry shows besides its status: the tracking state, the order date and the buyer.</summary>
internal static class OrderStatusJournalDetails
{
    /// <summary>The tracking state of an update: no tracking when nothing has shipped, otherwise the given state.</summary>
    public static TrackingExportState Tracking(OrderStatusUpdate? update, TrackingExportState whenShipped) =>
        update is null || update.Shipments.Count == 0 ? TrackingExportState.NoTracking : whenShipped;

    /// <summary>Sets the tracking state, and copies the order date and title from the order's import entry when there is one.</summary>
    public static Func<JournalEntry, JournalEntry> With(TrackingExportState tracking, JournalEntry? orderEntry) => entry => entry with
    {
        Tracking = tracking,
        OrderDate = orderEntry?.OrderDate ?? entry.OrderDate,
        Title = orderEntry?.Title ?? entry.Title,
    };

    /// <summary>Describes an update in the journal's words, e.g. "status 'shipped' with 2 shipment(s)".</summary>
    public static string Describe(OrderStatusUpdate update) =>
        update.Shipments.Count == 0
            ? $"status '{update.Status}' (no shipment yet)"
            : $"status '{update.Status}' with {update.Shipments.Count} shipment(s), tracking {string.Join(", ", update.Shipments.Select(s => s.TrackingNumber))}";

    /// <summary>The key of the order's import entry, whose order date and buyer the status entry shows too.</summary>
    public static JournalKey OrderKey(ConnectionId connection, string orderNumber) => new(connection, RecordKind.Order, orderNumber);
}
