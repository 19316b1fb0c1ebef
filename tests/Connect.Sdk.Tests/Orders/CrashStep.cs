namespace Connect.Sdk.Tests.Orders;

/// <summary>The steps of an order import at which the crash tests make a marketplace, store or the ERP fail.</summary>
public enum CrashStep
{
    /// <summary>The marketplace fails a page of changed orders.</summary>
    FetchPage,

    /// <summary>The marketplace fails a lookup by order number.</summary>
    FetchByNumber,

    /// <summary>The staging store fails to stage (step one).</summary>
    Stage,

    /// <summary>The journal store fails to record "loaded, waiting to be handed over".</summary>
    JournalStaged,

    /// <summary>The ERP's article catalog fails while a line's foreign number is resolved.</summary>
    Catalog,

    /// <summary>The ledger fails when asked whether an order was imported.</summary>
    LedgerFind,

    /// <summary>The ERP's order sink fails before it creates the order.</summary>
    SinkBeforeCreating,

    /// <summary>The ERP creates the order, but its answer is lost.</summary>
    SinkAfterCreating,

    /// <summary>The ledger fails to record the import after the ERP created the order.</summary>
    LedgerRecord,

    /// <summary>The staging store fails to mark the order handed over.</summary>
    MarkHandedOver,

    /// <summary>The journal store fails to record the successful import.</summary>
    JournalAfterHandOver,
}
