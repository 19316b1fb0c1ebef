namespace Connect.Sdk.Http.Tests.TestDoubles;

/// <summary>
/// Moves fake time on while work waits for it, straight to the next moment a timer is due, and never while code runs
/// between two waits: the tests' replacement for sleeping, exact to the tick.
/// </summary>
internal static class FakeTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // Not a timing assertion: a guard against a test that would otherwise hang, e.g. code that neither waits again nor
    // ends. A loaded machine holds a continuation back for seconds, never for this long.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    public static WaitingTime Create() => new(Start);

    public static async Task<T> RunAsync<T>(this WaitingTime time, Task<T> work, TimeSpan? limit = null)
    {
        await time.RunAsync((Task)work, limit);
        return await work;
    }

    public static async Task RunAsync(this WaitingTime time, Task work, TimeSpan? limit = null)
    {
        var until = time.GetUtcNow() + (limit ?? TimeSpan.FromMinutes(10));
        while (!work.IsCompleted)
        {
            var changed = time.NextChange;
            if (time.PendingWaits == 0)
            {
                // Code runs between two waits (a continuation that hopped threads): time stands still until it waits
                // again or the work ends.
                await WaitAsync(Task.WhenAny(work, changed), "nothing waits for time, yet the work neither ends nor waits again");
                continue;
            }

            var next = time.NextDue;
            Assert.True(next is not null, $"The work waits, but no timer is due: it waits for ever.");
            Assert.True(next <= until, $"The work did not finish within {limit ?? TimeSpan.FromMinutes(10)} of fake time.");

            // Off the test's synchronization context: the continuations of what fires then run inline, inside Advance,
            // so once it returns the code it released has run up to its next wait (or its end).
            var step = next.Value - time.GetUtcNow();
            await Task.Run(() => time.Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero));
        }
    }

    /// <summary>Fake time has moved on from <see cref="Start"/> by exactly the expected seconds (timers count whole milliseconds).</summary>
    public static void AssertElapsed(this WaitingTime time, double expectedSeconds)
    {
        var expected = TimeSpan.FromSeconds(expectedSeconds);
        Assert.InRange(time.GetUtcNow() - Start, expected, expected + TimeSpan.FromMilliseconds(1));
    }

    private static async Task WaitAsync(Task signal, string stuck)
    {
        try
        {
            await signal.WaitAsync(StuckAfter);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Fake time stood still for {StuckAfter} of real time: {stuck}.");
        }
    }
}
