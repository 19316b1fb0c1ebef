namespace Connect.Sdk.Sync;

/// <summary>
/// A work item this worker claimed with <see cref="SyncEngine.ClaimAsync"/>: the connection's lease, taken for the item,
/// which its run (<see cref="SyncEngine.RunAsync(WorkClaim, CancellationToken)"/>) keeps, renews and releases.
/// </summary>
/// <param name="Item">The work item.</param>
/// <param name="Lease">The lease on the item's connection, as claimed.</param>
public sealed record WorkClaim(WorkItem Item, WorkLease Lease);
