namespace Connect.Sdk.Sync;

/// <summary>
/// The arguments of <see cref="IWorkLeaseStore.TryClaimAsync"/> checked the same way by every store: the keys wanted,
/// each once, in the caller's order. For store authors; hosts get the engine's claims of work items as
/// <see cref="WorkClaim"/>, made of the leases a store's claim returns.
/// </summary>
public static class WorkLeaseClaim
{
    /// <summary>Checks a claim's arguments and returns its keys without repeats, most wanted first.</summary>
    /// <param name="keys">The keys wanted.</param>
    /// <param name="limit">How many keys to claim at most; not negative.</param>
    /// <param name="owner">The claiming worker.</param>
    /// <returns>The distinct keys, in the order given.</returns>
    /// <exception cref="ArgumentException">A key or the owner is blank, or the limit is negative.</exception>
    public static IReadOnlyList<string> Wanted(IReadOnlyList<string> keys, int limit, string owner)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var wanted = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(keys));
            if (seen.Add(key))
            {
                wanted.Add(key);
            }
        }

        return wanted;
    }
}
