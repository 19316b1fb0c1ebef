namespace Connect.Sdk.Sync;

/// <summary>How a run of a work item ended.</summary>
public enum WorkRunOutcome
{
    /// <summary>The work ran; its records are journaled one by one (some may have failed).</summary>
    Completed,

    /// <summary>Another worker is running this connection's work; nothing ran. Try again later.</summary>
    Busy,

    /// <summary>The allowed-actions table refused the work (for example productive mode was switched off meanwhile).</summary>
    Refused,

    /// <summary>The run broke off (the store or the marketplace failed as a whole); the journal shows each record's state.</summary>
    Failed,

    /// <summary>
    /// The run lost the connection's lease (it outlived it, say in a long pause, and another worker took the connection
    /// over): it stopped without further writes, and the stores refused any write it tried after the loss. Not a failure
    /// of records: the worker holding the lease now does the work.
    /// </summary>
    LeaseLost,
}
