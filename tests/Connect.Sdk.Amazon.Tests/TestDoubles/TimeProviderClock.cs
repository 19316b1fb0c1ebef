using NodaTime;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>A NodaTime clock that reads a <see cref="TimeProvider"/>: the fake's usage plans and token lifetimes then run on the connector's own time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
