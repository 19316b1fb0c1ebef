using System.Collections;

namespace Connect.Sdk.Sync;

/// <summary>
/// What one <see cref="SyncEngine.ClaimAsync"/> got: the claims, in the order the items were offered, and the items it
/// found no longer due under their lease (another worker ran them since they were planned). A scheduler that keeps a
/// queue of planned work drops those, instead of offering them again until it plans afresh; the items not among
/// either were held by another worker, or were past the limit.
/// </summary>
public sealed class WorkClaims : IReadOnlyList<WorkClaim>
{
    private readonly IReadOnlyList<WorkClaim> _claims;

    internal WorkClaims(IReadOnlyList<WorkClaim> claims, IReadOnlyList<WorkItem> noLongerDue)
    {
        _claims = claims;
        NoLongerDue = noLongerDue;
    }

    /// <summary>No claims, nothing found no longer due.</summary>
    internal static WorkClaims None { get; } = new([], []);

    /// <summary>The items offered that another worker ran since they were planned; their leases were given back at once.</summary>
    public IReadOnlyList<WorkItem> NoLongerDue { get; }

    /// <summary>How many items were claimed.</summary>
    public int Count => _claims.Count;

    /// <summary>A claim, by its position.</summary>
    /// <param name="index">The position, in the order the items were offered.</param>
    /// <returns>The claim.</returns>
    public WorkClaim this[int index] => _claims[index];

    /// <summary>The claims, in the order the items were offered.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<WorkClaim> GetEnumerator() => _claims.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
