using Connect.Sdk.Testing.RateLimits;
using CsCheck;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Testing.Tests.RateLimits;

public sealed class TokenBucketTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 12, 0);

    private readonly FakeClock _clock = new(Start);

    [Fact]
    public void TryTake_FullBucket_AllowsTheBurstThenRefuses()
    {
        var bucket = new TokenBucket(capacity: 3, refillPerSecond: 1, _clock);

        var taken = Enumerable.Range(0, 4).Select(i => bucket.TryTake(1, out _)).ToArray();

        Assert.Equal([true, true, true, false], taken);
    }

    [Fact]
    public void TryTake_Empty_RetryAfterFollowsTheRefillRate()
    {
        var bucket = new TokenBucket(capacity: 2, refillPerSecond: 0.5, _clock);
        bucket.TryTake(2, out _);

        Assert.False(bucket.TryTake(1, out var retryAfter));
        Assert.Equal(Duration.FromSeconds(2), retryAfter);
    }

    [Fact]
    public void TryTake_AfterTheClockAdvances_RefillsUpToCapacity()
    {
        var bucket = new TokenBucket(capacity: 40, refillPerSecond: 2, _clock);
        bucket.TryTake(40, out _);

        _clock.AdvanceSeconds(5);
        Assert.Equal(10, bucket.Available);

        _clock.AdvanceSeconds(60);
        Assert.Equal(40, bucket.Available);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fyUUEkAph5p2")] // a refusal short by a rounding error once said "retry after zero"
    public void TryTake_AnySequence_NeverGrantsMoreThanCapacityPlusRefill(string? seed)
    {
        // Each step: milliseconds the clock advances, then the cost of one request.
        var steps = Gen.Select(Gen.Int[0, 3_000], Gen.Int[1, 5]).Array[1, 60];
        Gen.Select(Gen.Int[5, 50], Gen.Int[1, 10], steps).Sample((capacity, refill, sequence) =>
        {
            var clock = new FakeClock(Start);
            var bucket = new TokenBucket(capacity, refill, clock);
            var granted = 0.0;
            foreach (var (advance, cost) in sequence)
            {
                clock.AdvanceMilliseconds(advance);
                if (bucket.TryTake(cost, out var retryAfter))
                {
                    granted += cost;
                }
                else
                {
                    Assert.True(retryAfter > Duration.Zero);
                }
            }

            var elapsed = (clock.GetCurrentInstant() - Start).TotalSeconds;
            Assert.True(granted <= capacity + (elapsed * refill) + 1e-6, $"granted {granted} of {capacity} + {elapsed}s x {refill}");
        }, seed: seed);
    }

    [Fact]
    public void TryTake_CostAboveCapacity_Throws()
    {
        var bucket = new TokenBucket(capacity: 2, refillPerSecond: 1, _clock);

        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.TryTake(3, out _));
    }

    [Fact]
    public void TryTake_ClockGoesBack_DoesNotDrainTheBucket()
    {
        var bucket = new TokenBucket(capacity: 2, refillPerSecond: 1, _clock);

        _clock.AdvanceSeconds(-10);

        Assert.Equal(2, bucket.Available);
    }
}
