using NodaTime;

namespace Connect.Sdk.Otto.Tests.TestSupport;

/// <summary>A NodaTime clock that reads a <see cref="TimeProvider"/>: the fake's limits and token lifetimes then run on the connector's own time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
