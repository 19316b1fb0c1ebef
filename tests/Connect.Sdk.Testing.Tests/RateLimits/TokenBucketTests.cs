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
    public void TryTake_ExactlyWhenTheCostHasRefilledAfterLateRequests_Granted()
    {
        // Amazon's patchListingsItem plan. Two requests late for their slots leave 0.05 + 1.8 tokens; the third, on time,
        // finds 0.05 + 1.8 + 0.15 − 1 = 1 token, which sums of seconds × rate in doubles make a hair less than 1.
        var bucket = new TokenBucket(capacity: 5, refillPerSecond: 5, _clock);
        bucket.TryTake(5, out _);

        _clock.AdvanceMilliseconds(210);
        Assert.True(bucket.TryTake(1, out _));
        _clock.AdvanceMilliseconds(360);
        Assert.True(bucket.TryTake(1, out _));
        _clock.AdvanceMilliseconds(30);

        Assert.True(bucket.TryTake(1, out _));
    }

    [Fact]
    public void TryTake_AnySequence_GrantsWhateverExactArithmeticAllows()
    {
        // The same bucket in decimal arithmetic, exact for whole milliseconds and whole rates: whenever it holds the
        // cost, the fake must grant, or a client pacing exactly to the documented limit would see 429s.
        var steps = Gen.Select(Gen.Int[0, 1_500], Gen.Int[1, 3]).Array[1, 80];
        Gen.Select(Gen.Int[1, 10], Gen.Int[1, 10], steps).Sample((capacity, refill, sequence) =>
        {
            var clock = new FakeClock(Start);
            var bucket = new TokenBucket(capacity, refill, clock);
            var exact = (decimal)capacity;
            foreach (var (advance, wanted) in sequence)
            {
                clock.AdvanceMilliseconds(advance);
                exact = Math.Min(capacity, exact + (advance * refill / 1000m));
                var cost = Math.Min(wanted, capacity);
                var granted = bucket.TryTake(cost, out _);
                if (exact >= cost)
                {
                    Assert.True(granted, $"{exact} tokens, cost {cost}: refused");
                    exact -= cost;
                }
                else
                {
                    Assert.False(granted, $"{exact} tokens, cost {cost}: granted");
                }
            }
        });
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
