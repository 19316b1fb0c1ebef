namespace Connect.Sdk.Sync;

/// <summary>How many records a run took to each journal status.</summary>
/// <param name="Succeeded">Records that succeeded.</param>
/// <param name="Warnings">Records that succeeded with a warning.</param>
/// <param name="Failed">Records that failed.</param>
/// <param name="Skipped">Records left alone on purpose (nothing changed, Demo mode, not in the restricted mapping).</param>
public sealed record WorkRunSummary(int Succeeded, int Warnings, int Failed, int Skipped)
{
    /// <summary>A run that touched no record.</summary>
    public static WorkRunSummary Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Adds two summaries.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The sum.</returns>
    public WorkRunSummary Add(WorkRunSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Succeeded + other.Succeeded, Warnings + other.Warnings, Failed + other.Failed, Skipped + other.Skipped);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Succeeded} succeeded, {Warnings} warning(s), {Failed} failed, {Skipped} skipped";
}
