using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Testing.Tests.Time;

/// <summary>
/// A call across a socket (<see cref="WaitAwareFakeTime.OverTheWireAsync{T}"/>) answers on a thread of its own; the drive
/// resumes its caller, so time stands still from the answer until the caller waits again, even while other work's
/// waits are armed.
/// </summary>
public sealed class OverTheWireTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DriveAsync_AnswerComesOnAThreadOfItsOwnWhileOtherWorkWaits_TheDriveResumesTheCallerAtTheAnswersMoment()
    {
        var time = new WaitAwareFakeTime(Start);
        using var call = new CallAnsweredOnItsOwnThread(time);

        await time.DriveAsync(call.RunAsync(), TimeSpan.FromMinutes(1));

        call.AssertResumedByTheDrive();
    }

    [Fact]
    public async Task DriveInBackground_AnswerComesOnAThreadOfItsOwnWhileOtherWorkWaits_TheDriveResumesTheCallerAtTheAnswersMoment()
    {
        var time = new WaitAwareFakeTime(Start);
        using var call = new CallAnsweredOnItsOwnThread(time);

        await using (time.DriveInBackground())
        {
            await call.RunAsync();
        }

        call.AssertResumedByTheDrive();
    }

    [Fact]
    public async Task DriveInBackground_StoppedWhileACallerWaitsToBeResumed_TheCallerResumesAnyway()
    {
        var time = new WaitAwareFakeTime(Start);
        var drive = time.DriveInBackground();
        using var firstRuns = new ManualResetEventSlim();
        using var firstMayEnd = new ManualResetEventSlim();
        var firstAnswer = new TaskCompletionSource<int>();
        var secondAnswer = new TaskCompletionSource<int>();

        // The drive resumes the first caller, which holds it until the drive is being stopped.
        var first = time.OverTheWireAsync(() => firstAnswer.Task, CancellationToken.None).ContinueWith(
            _ =>
            {
                firstRuns.Set();
                firstMayEnd.Wait(TimeSpan.FromMinutes(1));
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        var second = time.OverTheWireAsync(() => secondAnswer.Task, CancellationToken.None);
        await AnswerOnAThreadOfItsOwnAsync(() => firstAnswer.SetResult(1));
        Assert.True(firstRuns.Wait(TimeSpan.FromMinutes(1)), "The drive never resumed the first caller.");
        await AnswerOnAThreadOfItsOwnAsync(() => secondAnswer.SetResult(2));
        Assert.False(second.IsCompleted, "The second caller went on off the drive.");

        var stopping = drive.DisposeAsync();
        firstMayEnd.Set();
        await stopping;
        await first;

        // No drive is left to resume it: it must not wait for ever.
        Assert.Equal(2, await second.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task DriveInBackground_GaveUpWhileACallWasOnTheWire_TheCallerResumesOnceAnswered()
    {
        var time = new WaitAwareFakeTime(Start);
        var drive = time.DriveInBackgroundGivingUpAfter(TimeSpan.FromMilliseconds(50));
        var answer = new TaskCompletionSource<int>();
        var call = time.OverTheWireAsync(() => answer.Task, CancellationToken.None);

        // Nothing changes while the call is on the wire: the drive gives up, and drives no more.
        await Assert.ThrowsAsync<TimeoutException>(() => drive.Driving);
        await AnswerOnAThreadOfItsOwnAsync(() => answer.SetResult(3));

        Assert.Equal(3, await call.WaitAsync(TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<TimeoutException>(() => drive.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task DriveAsync_CallFailsOnAThreadOfItsOwn_TheCallerGetsTheFailureAndTheRequestIsOffTheWire()
    {
        var time = new WaitAwareFakeTime(Start);
        var answer = new TaskCompletionSource<int>();
        var work = time.OverTheWireAsync(() => answer.Task, CancellationToken.None);
        var drive = time.DriveAsync(work, TimeSpan.FromMinutes(1));

        await AnswerOnAThreadOfItsOwnAsync(() => answer.SetException(new IOException("connection reset")));
        await drive;

        var failure = await Assert.ThrowsAsync<IOException>(() => work);
        Assert.Equal("connection reset", failure.Message);
        Assert.Equal(0, time.OnTheWire);
    }

    [Fact]
    public async Task OverTheWireAsync_NoDrive_TheCallerGoesOnWhereTheAnswerCame()
    {
        var time = new WaitAwareFakeTime(Start);
        var answer = new TaskCompletionSource<int>();

        var work = time.OverTheWireAsync(() => answer.Task, CancellationToken.None);
        Assert.Equal(1, time.OnTheWire);

        // Nothing would ever resume it: it must not wait for a drive, but go on inline where the answer comes (a pool
        // thread; this test's own thread would queue it).
        var doneWithTheAnswer = await Task.Run(() =>
        {
            answer.SetResult(7);
            return work.IsCompletedSuccessfully;
        });

        Assert.True(doneWithTheAnswer);
        Assert.Equal(7, await work);
        Assert.Equal(0, time.OnTheWire);
    }

    [Fact]
    public async Task OverTheWireAsync_CallAnswersAtOnce_AnswersAndLeavesTheWire()
    {
        var time = new WaitAwareFakeTime(Start);

        var work = time.OverTheWireAsync(() => Task.FromResult("cached"), CancellationToken.None);

        Assert.True(work.IsCompletedSuccessfully);
        Assert.Equal("cached", await work);
        Assert.Equal(0, time.OnTheWire);
    }

    [Fact]
    public async Task OverTheWireAsync_CallThrowsBeforeItStarts_ThrowsAndLeavesTheWire()
    {
        var time = new WaitAwareFakeTime(Start);

        await Assert.ThrowsAsync<InvalidOperationException>(() => time.OverTheWireAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(0, time.OnTheWire);
    }

    [Fact]
    public async Task OverTheWireAsync_CallReturnsNoTask_ThrowsAndLeavesTheWire()
    {
        var time = new WaitAwareFakeTime(Start);

        await Assert.ThrowsAsync<InvalidOperationException>(() => time.OverTheWireAsync<int>(() => null!, CancellationToken.None));

        Assert.Equal(0, time.OnTheWire);
    }

    // As a socket's answer comes, and without taking a pool thread from a drive that a test holds.
    private static Task AnswerOnAThreadOfItsOwnAsync(Action answer) =>
        Task.Factory.StartNew(answer, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// A caller whose answer comes on a dedicated thread, which stays alive until the caller resumed, while other work
    /// waits a second: the caller records the moment and thread it resumed on.
    /// </summary>
    private sealed class CallAnsweredOnItsOwnThread(WaitAwareFakeTime time) : IDisposable
    {
        private readonly TaskCompletionSource<int> _answer = new();
        private readonly ManualResetEventSlim _resumed = new();
        private int _answerThread;
        private int _resumedThread;
        private DateTimeOffset _calledAt;
        private DateTimeOffset _resumedAt;
        private int _value;

        public void Dispose() => _resumed.Dispose();

        public async Task RunAsync()
        {
            // From here on a drive runs: an answer before it would rightly resume the caller where it came.
            await Task.Delay(TimeSpan.FromMilliseconds(1), time).ConfigureAwait(false);
            _calledAt = time.GetUtcNow();
            var otherWork = Task.Delay(TimeSpan.FromSeconds(1), time);
            var caller = CallAsync();
            var answering = new Thread(() =>
            {
                _answerThread = Environment.CurrentManagedThreadId;
                _answer.SetResult(42);

                // Alive until the caller resumed, so no other thread takes its id. Resumed inline here, it is set already.
                _resumed.Wait(TimeSpan.FromMinutes(1));
            });
            answering.Start();
            await Task.WhenAll(caller, otherWork);
        }

        public void AssertResumedByTheDrive()
        {
            Assert.Equal(42, _value);
            Assert.NotEqual(_answerThread, _resumedThread);
            Assert.Equal(_calledAt, _resumedAt);
        }

        private async Task CallAsync()
        {
            _value = await time.OverTheWireAsync(() => _answer.Task, CancellationToken.None).ConfigureAwait(false);
            _resumedThread = Environment.CurrentManagedThreadId;
            _resumedAt = time.GetUtcNow();
            _resumed.Set();

            // Waits again only now: had time moved under the code above, it would have read a later moment.
            await Task.Delay(TimeSpan.FromMilliseconds(10), time).ConfigureAwait(false);
        }
    }
}
