namespace Connect.Sdk.Features;

/// <summary>
/// The per-record results of a batch call (stock or prices). A batch can fail partly: each record has its
/// own outcome, so the journal marks exactly the records the marketplace rejected.
/// </summary>
public sealed class BatchResult
{
    /// <summary>Creates a batch result.</summary>
    /// <param name="records">One result per record sent.</param>
    public BatchResult(IEnumerable<RecordResult> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records = records.ToArray();
    }

    /// <summary>One result per record sent.</summary>
    public IReadOnlyList<RecordResult> Records { get; }

    /// <summary>Whether every record succeeded.</summary>
    public bool AllSucceeded => Records.All(r => r.Outcome == RecordOutcome.Succeeded);

    /// <summary>A result in which every record succeeded.</summary>
    /// <param name="recordKeys">The records sent.</param>
    /// <returns>The result.</returns>
    public static BatchResult Success(IEnumerable<string> recordKeys) => new(recordKeys.Select(RecordResult.Success));
}
