using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Testing.Tests.Time;

public sealed class BackgroundDriveTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DriveInBackground_ClientWaitsWhileItsRequestIsOnTheWire_FailsWithAClearTimeoutInsteadOfHanging()
    {
        // A fake server that waits on the client's own time (not ServerTime): its wait counts as the client's, the
        // request holds time still, and nothing would ever change.
        var time = new WaitAwareFakeTime(Start);
        using var stop = new CancellationTokenSource();
        using var onTheWire = time.EnterWire(CancellationToken.None);
        var serverWait = Task.Delay(TimeSpan.FromSeconds(100), time, stop.Token);
        var drive = time.DriveInBackgroundGivingUpAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<TimeoutException>(() => drive.Driving);
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => drive.DisposeAsync().AsTask());

        Assert.Contains("ServerTime", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Start, time.GetUtcNow());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serverWait);
    }

    [Fact]
    public async Task DriveInBackground_NothingPending_KeepsStandingStillWithoutFailing()
    {
        var time = new WaitAwareFakeTime(Start);
        var drive = time.DriveInBackgroundGivingUpAfter(TimeSpan.FromMilliseconds(1));

        // A wait armed and passed proves the drive ran its loop at least once more after standing idle.
        await Task.Delay(TimeSpan.FromSeconds(5), time);
        await drive.DisposeAsync();

        Assert.False(drive.Driving.IsFaulted);
        Assert.Equal(Start.AddSeconds(5), time.GetUtcNow());
    }

    [Fact]
    public async Task DriveAsync_TimeMovesWhileADelayIsArmedButNotYetScheduled_TheDelayEndsAtTheMomentTheDriveSaw()
    {
        // A drive on another thread can move time to a delay's moment after the delay is armed (the drive sees it) and
        // before the underlying fake schedules it (from the later moment). The delay then used to be due by the drive's
        // count and not by the fake's: the drive moved to that moment again and again for ever, burning a core.
        var time = new WaitAwareFakeTime(Start);
        var interleaved = false;
        time.ArmedNotYetScheduled = () =>
        {
            if (!interleaved)
            {
                interleaved = true;
                time.AdvanceTo(Start.AddSeconds(2));
            }
        };

        var delay = Task.Delay(TimeSpan.FromSeconds(2), time);
        time.ArmedNotYetScheduled = null;

        // Not a timing assertion: a bound on the failure, which would otherwise hang the test run.
        await time.DriveAsync(delay, TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(delay.IsCompletedSuccessfully);
        Assert.Equal(Start.AddSeconds(2), time.GetUtcNow());
    }

    [Fact]
    public async Task DriveAsync_TimeMovesPartWayWhileADelayIsArmed_TheDelayEndsWhenTheUnderlyingTimerIsDueNeverBefore()
    {
        // Time moves one second while a two-second delay is armed, before the underlying fake schedules it (from then):
        // the delay is due three seconds in, and firing it at two would cut a wait (a pacing wait, a deadline) short.
        var time = new WaitAwareFakeTime(Start);
        var interleaved = false;
        time.ArmedNotYetScheduled = () =>
        {
            if (!interleaved)
            {
                interleaved = true;
                time.AdvanceTo(Start.AddSeconds(1));
            }
        };

        var delay = Task.Delay(TimeSpan.FromSeconds(2), time);
        time.ArmedNotYetScheduled = null;

        // Not a timing assertion: a bound on the failure, which would otherwise hang the test run.
        await time.DriveAsync(delay, TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(delay.IsCompletedSuccessfully);
        Assert.Equal(Start.AddSeconds(3), time.GetUtcNow());
    }

    [Fact]
    public async Task DriveInBackground_WhileAnotherDriveRuns_ThrowsInvalidOperation()
    {
        var time = new WaitAwareFakeTime(Start);
        await using var first = time.DriveInBackground();

        var failure = Assert.Throws<InvalidOperationException>(() => time.DriveInBackground());

        Assert.Contains("Another drive", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriveAsync_WhileABackgroundDriveRuns_ThrowsInvalidOperation()
    {
        var time = new WaitAwareFakeTime(Start);
        await using var first = time.DriveInBackground();

        await Assert.ThrowsAsync<InvalidOperationException>(() => time.DriveAsync(Task.Delay(TimeSpan.FromSeconds(1), time), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task DriveInBackground_AfterTheFormerDriveIsDisposed_StartsAgain()
    {
        var time = new WaitAwareFakeTime(Start);
        await time.DriveInBackground().DisposeAsync();
        await time.DriveAsync(Task.Delay(TimeSpan.FromSeconds(1), time), TimeSpan.FromMinutes(1));

        await using (time.DriveInBackground())
        {
            await Task.Delay(TimeSpan.FromSeconds(2), time);
        }

        Assert.Equal(Start.AddSeconds(3), time.GetUtcNow());
    }

    [Fact]
    public void TryAdvanceTo_StateChangedSinceTheSnapshot_LeavesTimeWhereItIs()
    {
        var time = new WaitAwareFakeTime(Start);
        _ = Task.Delay(TimeSpan.FromSeconds(10), time);
        var before = time.Snapshot();

        // A request goes on the wire between the reading and the move: code runs, so time must stand still.
        using (time.EnterWire(CancellationToken.None))
        {
            Assert.False(time.TryAdvanceTo(before.NextDue!.Value, before.Version));
            Assert.Equal(Start, time.GetUtcNow());
        }

        var now = time.Snapshot();
        Assert.True(time.TryAdvanceTo(now.NextDue!.Value, now.Version));
        Assert.Equal(Start.AddSeconds(10), time.GetUtcNow());
    }
}
