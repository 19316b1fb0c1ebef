namespace Connect.Sdk.Features;

/// <summary>What happened to one record (an article's stock, an order, an order status) in a call to a marketplace.</summary>
public enum RecordOutcome
{
    /// <summary>The marketplace accepted the record.</summary>
    Succeeded,

    /// <summary>The marketplace accepted the record but reported something the user should know.</summary>
    Warning,

    /// <summary>The marketplace rejected the record; the message says why.</summary>
    Failed,

    /// <summary>Nothing was sent for the record, on purpose (for example Amazon-fulfilled stock, or Demo mode).</summary>
    Skipped,
}
