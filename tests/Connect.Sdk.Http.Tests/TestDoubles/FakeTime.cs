using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>Moves fake time forward in small steps until work completes: the tests' replacement for sleeping.</summary>
internal static class FakeTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);

    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> work, TimeSpan? step = null, TimeSpan? limit = null)
    {
        await time.RunAsync((Task)work, step, limit);
        return await work;
    }

    public static async Task RunAsync(this FakeTimeProvider time, Task work, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var until = time.GetUtcNow() + (limit ?? TimeSpan.FromMinutes(10));
        while (!work.IsCompleted && time.GetUtcNow() < until)
        {
            // Continuations of fake timers mostly run inline; yielding lets any that hop threads finish first.
            for (var i = 0; i < 20 && !work.IsCompleted; i++)
            {
                await Task.Yield();
            }

            if (!work.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(10));
            }
        }

        Assert.True(work.IsCompleted, $"The work did not finish within {limit ?? TimeSpan.FromMinutes(10)} of fake time.");
    }

    /// <summary>Fake time has moved on from <see cref="Start"/> by the expected seconds, give or take the driving step.</summary>
    public static void AssertElapsed(this FakeTimeProvider time, double expectedSeconds)
    {
        var expected = TimeSpan.FromSeconds(expectedSeconds);
        Assert.InRange(time.GetUtcNow() - Start, expected, expected + TimeSpan.FromMilliseconds(20));
    }
}
