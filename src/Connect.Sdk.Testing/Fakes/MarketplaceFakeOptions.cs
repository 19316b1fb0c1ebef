using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>
/// Settings of a fake marketplace on loopback: its clock, its fault plan, how long the delay faults wait and
/// the rate limit it enforces. The defaults suit a test that wants none of it.
/// </summary>
public sealed class MarketplaceFakeOptions
{
    /// <summary>The clock for timestamps and rate limits; tests pass a <c>FakeClock</c>.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>The fault plan every request consults.</summary>
    public FaultPlan Faults { get; init; } = new();

    /// <summary>
    /// How long a <see cref="FaultKind.Timeout"/> waits before answering, on <see cref="DelayTime"/>. On real time (the
    /// server really waits) tests give their client a shorter timeout instead of waiting this out; disposing the fake
    /// ends the wait.
    /// </summary>
    public Duration TimeoutDelay { get; init; } = Duration.FromSeconds(100);

    /// <summary>How long a <see cref="FaultKind.SlowResponse"/> waits before answering correctly; keep it tiny in tests.</summary>
    public Duration SlowResponseDelay { get; init; } = Duration.FromMilliseconds(200);

    /// <summary>
    /// The time the delay faults (<see cref="FaultKind.Timeout"/>, <see cref="FaultKind.SlowResponse"/>) wait on: real
    /// time by default. A test whose client runs on a <c>WaitAwareFakeTime</c> passes its <c>ServerTime</c> (not the
    /// time itself), so a timeout fault moves it past the client's attempt timeout instead of holding the test for real:
    /// a wait on the client's own time would count as the client's while its request is on the wire, and time would
    /// stand still.
    /// </summary>
    public TimeProvider DelayTime { get; init; } = TimeProvider.System;

    /// <summary>The rate limit the fake enforces, or <see langword="null"/> for none.</summary>
    public RateLimit? RateLimit { get; init; }
}
