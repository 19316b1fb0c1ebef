using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>
/// What the <see cref="IOrderStatusOutbox"/> knows of one order of a connection: the latest status and
/// shipments the ERP reported, and how far they have been exported. Every change the ERP reports gets a
/// higher <see cref="Sequence"/>, so a change that arrives while an older state is being exported is told
/// apart from it and stays pending.
/// </summary>
public sealed record OrderStatusOutboxEntry
{
    /// <summary>The connection the order belongs to.</summary>
    public required ConnectionId Connection { get; init; }

    /// <summary>The latest status and shipments the ERP reported; several changes before an export coalesce into this one.</summary>
    public required OrderStatusUpdate Latest { get; init; }

    /// <summary>The marketplace order number (the journal's record key).</summary>
    public string OrderNumber => Latest.OrderNumber;

    /// <summary>Grows by one with every change the ERP reports for the order; the first change is 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the ERP reported <see cref="Latest"/>.</summary>
    public required Instant ChangedAt { get; init; }

    /// <summary>
    /// The highest sequence an export run has dealt with (exported, failed or suppressed in Demo mode).
    /// Changes above it wait for the next event-triggered export.
    /// </summary>
    public long HandledSequence { get; init; }

    /// <summary>The highest sequence the marketplace accepted; zero when nothing was exported yet.</summary>
    public long ExportedSequence { get; init; }

    /// <summary>The last state the marketplace accepted, or <see langword="null"/> when nothing was exported yet.</summary>
    public OrderStatusUpdate? LastExported { get; init; }

    /// <summary>When <see cref="LastExported"/> was exported.</summary>
    public Instant? ExportedAt { get; init; }

    /// <summary>Whether a change waits for export: the ERP reported something no run has dealt with yet.</summary>
    public bool IsPending => Sequence > HandledSequence;
}
