namespace Connect.Sdk.Sync;

/// <summary>
/// Raised by a runner when every record of a large enough first batch failed for the same reason: the failure is not
/// about the records (a shop that knows none of the SKUs, a location the app may not write), so the engine pauses the
/// feature's automatic work with one entry instead of failing and alerting each record run after run. It never leaves
/// the engine.
/// </summary>
/// <param name="records">How many records failed alike.</param>
/// <param name="reason">The reason they share, as the marketplace gave it for the first of them (redacted).</param>
internal sealed class UniformFailureException(int records, string reason)
    : Exception($"the marketplace refused all {records} records of the first batch with the same reason: {reason}")
{
    /// <summary>How many records failed alike.</summary>
    public int Records { get; } = records;

    /// <summary>The shared reason.</summary>
    public string Reason { get; } = reason;
}
