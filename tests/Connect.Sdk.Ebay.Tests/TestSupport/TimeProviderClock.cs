using NodaTime;

namespace Connect.Sdk.Ebay.Tests.TestSupport;

/// <summary>A NodaTime clock that reads a <see cref="TimeProvider"/>: the fake's rate limit and tokens then run on the connector's own time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
