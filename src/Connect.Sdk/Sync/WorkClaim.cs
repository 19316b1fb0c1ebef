namespace Connect.Sdk.Sync;

/// <summary>
/// A work item this worker claimed with <see cref="SyncEngine.ClaimAsync"/>: the connection's lease, taken for the item,
/// which its run (<see cref="SyncEngine.RunAsync(WorkClaim, CancellationToken)"/>) keeps, renews and releases. Only the
/// engine makes claims, after checking under the lease that the item is still due; a claim cannot be built from any
/// lease or given another item.
/// </summary>
public sealed class WorkClaim
{
    internal WorkClaim(WorkItem item, WorkLease lease)
    {
        Item = item;
        Lease = lease;
    }

    /// <summary>The work item.</summary>
    public WorkItem Item { get; }

    /// <summary>The lease on the item's connection, as claimed.</summary>
    public WorkLease Lease { get; }
}
