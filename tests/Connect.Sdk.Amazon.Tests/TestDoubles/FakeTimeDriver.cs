using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// Moves fake time while the connector's requests wait for their rate budget, and never while one of them runs: the
/// pacing tests' replacement for sleeping. Like <see cref="WaitAwareFakeTime.DriveAsync"/>, it jumps straight to
/// the next timer due and fires it off the test's synchronization context, so what the timer releases runs inline
/// until it waits again; unlike it, it also sees the requests that cross a socket to the fake, through
/// <see cref="RequestFlows"/>, and lets time stand still until each is back and parked or ended.
/// </summary>
/// <remarks>
/// The one wait it knows of in a request is the budget's. A request waiting out a retry's back-off runs, to the
/// driver, so time would stand still and the guard below end the test: the pacing tests expect no retry at all.
/// </remarks>
internal static class FakeTimeDriver
{
    // Not a timing assertion: a guard against a test that would otherwise hang, e.g. a request that neither parks nor
    // ends. A loaded machine holds a continuation back for seconds, never for this long.
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(this WaitAwareFakeTime time, RequestFlows flows, Task work, TimeSpan limit)
    {
        var until = time.GetUtcNow() + limit;
        while (!work.IsCompleted)
        {
            // Read before the state, so a change after the reading is never missed.
            var changes = Task.WhenAny(work, time.NextChange, flows.NextChange);
            if (!flows.AllParked || time.PendingWaits == 0 || time.NextDue is not { } next)
            {
                // A request runs, or code runs between two requests: time stands still until that changes.
                await WaitRealTimeAsync(changes, flows);
                continue;
            }

            Assert.True(next <= until, $"The work did not finish within {limit} of fake time: it waits until {next:O}.");
            var step = next - time.GetUtcNow();

            // Off the test's synchronization context: a continuation may only run inline where there is none.
            await Task.Run(() => time.Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero));
        }

        await work;
    }

    private static async Task WaitRealTimeAsync(Task changes, RequestFlows flows)
    {
        try
        {
            await changes.WaitAsync(StuckAfter);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Fake time stood still for {StuckAfter} of real time with {flows.Describe()}: a request neither parked on its budget nor ended.");
        }
    }
}
