using NodaTime;

namespace Connect.Sdk.Shopify.Tests.TestDoubles;

/// <summary>A NodaTime clock reading a <see cref="TimeProvider"/>: the fake shop's throttle and the HTTP client's waits run on one time.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
