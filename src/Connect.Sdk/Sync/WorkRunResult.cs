namespace Connect.Sdk.Sync;

/// <summary>The result of running one work item, for the host's scheduler and its logs.</summary>
/// <param name="Item">The work item.</param>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Summary">What happened to the records.</param>
/// <param name="Message">Why the run was busy, refused or failed; <see langword="null"/> when it completed.</param>
public sealed record WorkRunResult(WorkItem Item, WorkRunOutcome Outcome, WorkRunSummary Summary, string? Message = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Item}: {Outcome}, {Summary}{(Message is null ? string.Empty : $" ({Message})")}";
}
