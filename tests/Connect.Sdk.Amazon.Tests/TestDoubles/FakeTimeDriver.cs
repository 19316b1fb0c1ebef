using System.Diagnostics;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// Moves fake time in small steps while work waits for it, and never while a request is on the wire or on its way
/// there: the tests' replacement for sleeping, faithful enough that a request reaches the fake at the fake time it was
/// released.
/// </summary>
internal static class FakeTimeDriver
{
    // Not a timing assertion: a guard against a test that would otherwise hang, e.g. a released request that neither
    // reaches the wire nor ends. A loaded machine can hold a continuation back for seconds, never for this long.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(this WaitCountingTime time, RecordingTransport transport, Task work, TimeSpan limit)
    {
        var step = TimeSpan.FromMilliseconds(10);
        var until = time.GetUtcNow() + limit;
        var standing = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            // Continuations of fired timers mostly run inline; yielding lets those that hop threads move on first.
            for (var i = 0; i < 30 && !work.IsCompleted; i++)
            {
                await Task.Yield();
            }

            if (work.IsCompleted)
            {
                break;
            }

            if (transport.InFlight > 0)
            {
                await transport.WhenIdleAsync();
                standing.Restart();
                continue;
            }

            // A request whose wait fired has not reached the wire yet, or nothing waits for time: code is busy between
            // two waits. Either way time stands still until it is done.
            if (time.Released > 0 || time.PendingWaits == 0)
            {
                Assert.True(standing.Elapsed < StuckAfter, $"Fake time stood still for {StuckAfter} of real time: {time.Released} released request(s) never reached the wire.");
                continue;
            }

            Assert.True(time.GetUtcNow() < until, $"The work did not finish within {limit} of fake time.");
            time.Fake.Advance(step);
            standing.Restart();
        }

        await work;
    }
}
