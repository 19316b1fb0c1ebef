namespace Connect.Sdk.RateLimits;

/// <summary>
/// Where processes that call a marketplace as one account keep that account's rate budget, so that together they never
/// exceed it. Part of the host SPI's store contracts. Each account key has one small <see cref="RateBudgetState"/>,
/// read and then replaced by compare-and-set on its <see cref="RateBudgetState.Version"/>; a writer that lost the race
/// reads again and recomputes.
/// </summary>
public interface IRateBudgetStore
{
    /// <summary>Reads an account's budget.</summary>
    /// <param name="account">The account key, e.g. <c>"shopify:my-shop.myshopify.com"</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or <see langword="null"/> when no process has written one for the account yet.</returns>
    ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an account's budget if nobody changed it since <paramref name="expected"/> was read: the stored state's
    /// version is <paramref name="expected"/>'s, or no state is stored and <paramref name="expected"/> is
    /// <see langword="null"/>.
    /// </summary>
    /// <param name="account">The account key.</param>
    /// <param name="expected">The state the change was computed from, or <see langword="null"/> for an account without one.</param>
    /// <param name="replacement">The new state; its version is one more than <paramref name="expected"/>'s (1 for the first).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when another writer came first.</returns>
    /// <exception cref="ArgumentException">The replacement's version does not follow the expected one.</exception>
    ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the store keeps <see cref="RateBudgetState.Flights"/>: writes them with the state and reads them back
    /// exactly. Only then are units in flight kept per process, so that those of a process that stopped come back after
    /// its lease even while the others keep the account busy. A store that does not (one written before flights existed)
    /// still works: the processes' units in flight are counted together and forgotten only once the account has been
    /// quiet for 10 minutes.
    /// </summary>
    bool KeepsFlights => false;
}
