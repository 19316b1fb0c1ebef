using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Testing.Tests.Time;

public sealed class WaitAwareFakeTimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DriveAsync_WaitsOfOddLengths_MovesStraightToEachWaitsMoment()
    {
        var time = new WaitAwareFakeTime(Start);
        var seen = new List<DateTimeOffset>();
        async Task WorkAsync()
        {
            foreach (var wait in new[] { 13, 2500, 7 })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), time).ConfigureAwait(false);
                seen.Add(time.GetUtcNow());
            }
        }

        await time.DriveAsync(WorkAsync(), TimeSpan.FromMinutes(1));

        // Each at its moment, not rounded to a driving step.
        Assert.Equal([Start.AddMilliseconds(13), Start.AddMilliseconds(2513), Start.AddMilliseconds(2520)], seen);
    }

    [Fact]
    public async Task DriveAsync_CodeBusyBetweenTwoWaits_TimeStandsStillUntilItWaitsAgain()
    {
        var time = new WaitAwareFakeTime(Start);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
        var firstOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task WorkAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
            firstOver.SetResult();

            // Work off fake time, as a continuation on another thread: only a deadline is armed meanwhile.
            await busy.Task.ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
        }

        var drive = time.DriveAsync(WorkAsync(), TimeSpan.FromMinutes(1));
        await firstOver.Task;
        Assert.Equal(0, time.PendingWaits);
        Assert.Equal(Start.AddSeconds(1), time.GetUtcNow());
        busy.SetResult();
        await drive;

        Assert.Equal(Start.AddSeconds(2), time.GetUtcNow());
        Assert.False(deadline.IsCancellationRequested);
    }

    [Fact]
    public async Task DriveAsync_ServerHangsUntilADeadline_MovesToTheDeadlineAndTheHangEnds()
    {
        #region snippet: testing-wait-aware-fake-time
        var time = new WaitAwareFakeTime(Start);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
        var hang = time.HangAsync(deadline.Token);          // a stub server that never answers

        await time.DriveAsync(hang, TimeSpan.FromMinutes(1));

        Assert.Equal(Start.AddSeconds(30), time.GetUtcNow()); // at the deadline, not a step after it
        Assert.True(hang.IsCanceled);
        #endregion
        Assert.Equal(0, time.PendingWaits);
    }

    [Fact]
    public async Task DriveAsync_WorkDueAfterTheLimit_ThrowsWithoutMovingPastIt()
    {
        var time = new WaitAwareFakeTime(Start);

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => time.DriveAsync(Task.Delay(TimeSpan.FromMinutes(5), time), TimeSpan.FromMinutes(1)));

        Assert.Contains("did not finish within 00:01:00", exception.Message, StringComparison.Ordinal);
        Assert.Equal(Start, time.GetUtcNow());
    }

    [Fact]
    public async Task DriveAsync_HangWithNoTimerDue_ThrowsInsteadOfWaitingForEver()
    {
        var time = new WaitAwareFakeTime(Start);
        using var never = new CancellationTokenSource();

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => time.DriveAsync(time.HangAsync(never.Token), TimeSpan.FromMinutes(1)));

        Assert.Contains("no timer is due", exception.Message, StringComparison.Ordinal);
        await never.CancelAsync();
    }
}
