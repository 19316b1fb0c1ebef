using NodaTime;

namespace Connect.Sdk.RateLimits;

/// <summary>
/// What processes sharing a marketplace account's rate budget agree on: the generic cell rate algorithm's few numbers,
/// kept in an <see cref="IRateBudgetStore"/> and changed by compare-and-set. The bucket's capacity is not part of it:
/// every client of an account declares the same limit.
/// </summary>
/// <param name="FullAt">The instant the account's bucket is full again, counting every unit taken so far.</param>
/// <param name="PausedUntil">The instant before which nothing is sent, after the marketplace answered 429.</param>
/// <param name="RefillPerUnit">
/// How long one unit takes to come back, the inverse of the rate: as declared, or as the marketplace last reported
/// (Amazon's one request a minute is a minute).
/// </param>
/// <param name="Version">
/// Grows by one with every write, from 1 for the first: the compare-and-set token of
/// <see cref="IRateBudgetStore.TryReplaceAsync"/>.
/// </param>
public sealed record RateBudgetState(Instant FullAt, Instant PausedUntil, Duration RefillPerUnit, long Version)
{
    /// <summary>
    /// How long the units of requests sent and not answered yet, by every process of the account, take to refill: their
    /// units times <see cref="RefillPerUnit"/>. They are already counted in <see cref="FullAt"/>. The marketplace counts a
    /// request when it arrives, some time before its answer, and throws refill away while its bucket is full, so a full
    /// bucket starts draining only once these are answered. Zero for a state written before it was kept.
    /// </summary>
    public Duration InFlightRefill { get; init; }

    /// <summary>
    /// The units in flight of <see cref="InFlightRefill"/> by process, each with the lease that ends it: a process that
    /// stopped between a send and its answer leaves its flight behind, and the others drop it once its lease has run out,
    /// however busy they keep the account. Units in <see cref="InFlightRefill"/> beyond these flights belong to no process
    /// (written by a store that does not keep flights). Empty for a state written before they were kept.
    /// </summary>
    public IReadOnlyList<RateBudgetFlight> Flights { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds the same numbers and the same flights, in the same order.</summary>
    /// <param name="other">The other state.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public bool Equals(RateBudgetState? other) =>
        other is not null
        && FullAt == other.FullAt
        && PausedUntil == other.PausedUntil
        && RefillPerUnit == other.RefillPerUnit
        && Version == other.Version
        && InFlightRefill == other.InFlightRefill
        && Flights.SequenceEqual(other.Flights);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FullAt, PausedUntil, RefillPerUnit, Version, InFlightRefill, Flights.Count);

    /// <summary>Whether this state may replace <paramref name="previous"/>: its version is the next one (1 when there is none).</summary>
    /// <param name="previous">The state it was computed from, or <see langword="null"/> for an account without one.</param>
    /// <returns><see langword="true"/> when the version follows.</returns>
    public bool Follows(RateBudgetState? previous) => Version == (previous?.Version ?? 0) + 1;
}
