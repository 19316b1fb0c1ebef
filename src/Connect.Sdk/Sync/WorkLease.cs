using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// A time-limited claim on a lease key (a connection): while it holds, no other worker runs that
/// connection's work. A crashed worker's lease simply expires.
/// </summary>
/// <param name="Key">What is leased, e.g. the connection id.</param>
/// <param name="Owner">The worker holding it.</param>
/// <param name="ExpiresAt">When it lapses unless renewed.</param>
/// <param name="Token">Grows with every acquisition of the key, so a stale holder can be told apart from the current one.</param>
public sealed record WorkLease(string Key, string Owner, Instant ExpiresAt, long Token);
