using NodaTime;

namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>A NodaTime clock that reads a <see cref="TimeProvider"/>, so the SDK's instants and the scheduler's timers share one fake time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
