using NodaTime;

namespace Connect.Sdk.RateLimits;

/// <summary>
/// One process's requests in flight on an account: sent and not answered yet. Each process books its own under its own
/// owner id and renews the lease with every write it makes; once the lease has run out without a renewal, the process
/// stopped between a send and an answer (it crashed, was killed, or lost the store), and every reader drops its units.
/// </summary>
/// <param name="Owner">
/// The process's id for the account, unique per process (a GUID); only that process changes its flight. Empty for units
/// in flight written before they were kept per process.
/// </param>
/// <param name="Refill">How long the process's units in flight take to refill: its units times <see cref="RateBudgetState.RefillPerUnit"/>.</param>
/// <param name="Until">
/// The instant the lease ends: the owner's last write plus its longest attempt and a margin, so no answer of a live
/// process can still be on its way after it.
/// </param>
public sealed record RateBudgetFlight(string Owner, Duration Refill, Instant Until);
