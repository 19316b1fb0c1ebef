using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>What is due now, and when the next piece of work becomes due: the host's scheduler sleeps until then.</summary>
/// <param name="Due">The work due now, oldest first.</param>
/// <param name="NextDueAt">When the next work not yet due becomes due; <see langword="null"/> when nothing is scheduled.</param>
public sealed record DuePlan(IReadOnlyList<WorkItem> Due, Instant? NextDueAt)
{
    /// <summary>
    /// The work not due yet that becomes due within the look-ahead the plan was asked for
    /// (<see cref="SyncEngine.GetDueWorkAsync(Duration, CancellationToken)"/>), earliest first, each with the instant it
    /// becomes due; empty without a look-ahead. A scheduler that keeps it starts that work on time without planning again.
    /// </summary>
    public IReadOnlyList<WorkItem> Upcoming { get; init; } = [];
}
