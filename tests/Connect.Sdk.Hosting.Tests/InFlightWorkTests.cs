using Connect.Sdk.Hosting.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Hosting.Tests;

public sealed class InFlightWorkTests
{
    [Fact]
    public async Task Runs_WhenTheyEnd_AreForgottenSoALongRunningHostKeepsNone()
    {
        var time = new FakeTimeProvider();
        var work = new InFlightWork(new LoopPacer(time, new TimeProviderClock(time)));
        var ended = Enumerable.Range(0, 200).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        for (var i = 0; i < ended.Length; i++)
        {
            var done = ended[i];
            work.StartRun(new ConnectionId($"c-{i}"), () => { done.SetResult(); return Task.CompletedTask; });
        }

        await Task.WhenAll(ended.Select(e => e.Task));

        // Nothing asks for a snapshot here (only shutdown does): forgetting must happen as each run ends. It happens in a
        // continuation just after the end, which signals it; a run never forgotten leaves the wait to its hang guard.
        await Until.HoldsAsync(
            () => work.TrackedCount == 0 && work.IsEmpty,
            () => [work.NextChange],
            () => $"{work.TrackedCount} tracked, empty {work.IsEmpty}");

        Assert.Equal(0, work.TrackedCount);
        Assert.True(work.IsEmpty);
        Assert.Equal(ended.Length, work.Ended);
    }
}
