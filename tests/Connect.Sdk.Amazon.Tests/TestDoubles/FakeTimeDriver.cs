namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// Moves fake time in small steps while work waits for it, and never while a request is on the wire: the tests'
/// replacement for sleeping, faithful enough that a request reaches the fake at the fake time it was released.
/// </summary>
internal static class FakeTimeDriver
{
    // Rounds of 30 yields to wait for released work to reach the wire before moving time anyway.
    private const int MaxHolds = 200;

    public static async Task RunAsync(this WaitCountingTime time, RecordingTransport transport, Task work, TimeSpan limit)
    {
        var step = TimeSpan.FromMilliseconds(10);
        var held = 0;
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

            // A fired wait's request is still on its way through the handlers (a continuation that hopped threads on
            // a busy machine). Bounded, because a fired wait may also end in neither a send nor another wait.
            if (time.Released > 0 && ++held < MaxHolds)
            {
                continue;
            }

            if (time.PendingWaits == 0)
            {
                // Busy between two waits (or finishing): time stands still until something waits for it.
                continue;
            }

            Assert.True(time.GetUtcNow() < until, $"The work did not finish within {limit} of fake time.");
            held = 0;
            time.Fake.Advance(step);
        }

        await work;
    }
}
