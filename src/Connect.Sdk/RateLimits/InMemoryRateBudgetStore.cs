namespace Connect.Sdk.RateLimits;

/// <summary>
/// An <see cref="IRateBudgetStore"/> in memory: the contract's reference, for tests. One process needs no store to share
/// a budget; <c>AccountBudgets</c> does that in memory without one.
/// </summary>
public sealed class InMemoryRateBudgetStore : IRateBudgetStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RateBudgetState> _states = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool KeepsFlights => true;

    /// <inheritdoc />
    public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_states.GetValueOrDefault(account));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(replacement);
        if (!replacement.Follows(expected))
        {
            throw new ArgumentException($"A replacement must have the version after the expected state's, not {replacement.Version}.", nameof(replacement));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var stored = _states.GetValueOrDefault(account);
            if (stored?.Version != expected?.Version)
            {
                return ValueTask.FromResult(false);
            }

            // A copy of the flights: the caller's list may change after the write.
            _states[account] = replacement with { Flights = [.. replacement.Flights] };
            return ValueTask.FromResult(true);
        }
    }
}
