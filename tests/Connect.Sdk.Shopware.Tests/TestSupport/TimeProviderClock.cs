using NodaTime;

namespace Connect.Sdk.Shopware.Tests.TestSupport;

/// <summary>A NodaTime clock reading a <see cref="TimeProvider"/>, so the fake shop's tokens and rate limit run on the test's fake time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
