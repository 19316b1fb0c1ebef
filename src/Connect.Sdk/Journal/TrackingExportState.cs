namespace Connect.Sdk.Journal;

/// <summary>
/// Where an order's tracking stands ("Filter nach Tracking"), for order-status journal entries.
/// </summary>
public enum TrackingExportState
{
    /// <summary>The ERP has no tracking number for the order yet.</summary>
    NoTracking,

    /// <summary>A tracking number exists and waits to be exported.</summary>
    Pending,

    /// <summary>Every known tracking number reached the marketplace.</summary>
    Exported,

    /// <summary>The last export of tracking failed.</summary>
    Failed,
}
