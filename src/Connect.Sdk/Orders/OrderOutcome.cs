using Connect.Sdk.Journal;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Orders;

/// <summary>How step two ended for one order, with the journal status and message that say so.</summary>
internal readonly record struct OrderOutcome(OrderOutcomeKind Kind, JournalStatus Status, string Message)
{
    /// <summary>The outcome as a run summary: a repeat is left alone on purpose, so it counts as skipped.</summary>
    public WorkRunSummary Summary => Kind switch
    {
        OrderOutcomeKind.Imported => new(1, 0, 0, 0),
        OrderOutcomeKind.AlreadyImported => new(0, 0, 0, 1),
        _ => new(0, 0, 1, 0),
    };

    public static OrderOutcome Imported(string orderNumber, string erpOrderId) =>
        new(OrderOutcomeKind.Imported, JournalStatus.Succeeded, $"order {orderNumber} imported into the ERP as {erpOrderId}");

    public static OrderOutcome AlreadyImported(string orderNumber, string erpOrderId) =>
        new(OrderOutcomeKind.AlreadyImported, JournalStatus.Succeeded, $"order {orderNumber} was already imported as {erpOrderId}; not imported again");

    public static OrderOutcome Held(string reason) => new(OrderOutcomeKind.Held, JournalStatus.Failed, reason);

    public static OrderOutcome RefusedByErp(string message) => new(OrderOutcomeKind.RefusedByErp, JournalStatus.Failed, message);

    public static OrderOutcome BrokeOff(string message) => new(OrderOutcomeKind.BrokeOff, JournalStatus.Failed, message);
}
