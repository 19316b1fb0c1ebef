namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// Moves fake time in small steps while work waits for it, and never while a request is on the wire: the tests'
/// replacement for sleeping, faithful enough that a request reaches the fake at the fake time it was released.
/// </summary>
internal static class FakeTimeDriver
{
    public static async Task RunAsync(this WaitCountingTime time, RecordingTransport transport, Task work, TimeSpan limit)
    {
        var step = TimeSpan.FromMilliseconds(10);
        var until = time.GetUtcNow() + limit;
        while (!work.IsCompleted)
        {
            // Continuations of fired timers mostly run inline; yielding lets those that hop threads reach the wire first.
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
                continue;
            }

            if (time.PendingWaits == 0)
            {
                // Busy between two waits (or finishing): time stands still until something waits for it.
                continue;
            }

            Assert.True(time.GetUtcNow() < until, $"The work did not finish within {limit} of fake time.");
            time.Fake.Advance(step);
        }

        await work;
    }
}
