namespace Connect.Sdk.Tests.Shipments;

/// <summary>The steps of a status export at which a crash is injected.</summary>
public enum ExportCrashStep
{
    /// <summary>The outbox fails to list the pending changes (event run).</summary>
    ListPending,

    /// <summary>The outbox fails to read the order's latest change.</summary>
    ReadLatest,

    /// <summary>The journal store fails to record "exporting".</summary>
    JournalRunning,

    /// <summary>The marketplace fails before it takes the export.</summary>
    MarketplaceBeforeStoring,

    /// <summary>The marketplace takes the export, but its answer is lost.</summary>
    MarketplaceAnswerLost,

    /// <summary>The outbox fails to record that the change was exported.</summary>
    MarkHandled,

    /// <summary>The journal store fails to record the outcome.</summary>
    JournalOutcome,
}
