using Connect.Sdk.Http.Tests.TestDoubles;

namespace Connect.Sdk.Http.Tests;

/// <summary>
/// The server re-bases the budget while requests queue for it: afterwards the queue runs exactly on the new state,
/// as soon as that allows and never sooner, because queued requests hold no units that could be counted twice.
/// </summary>
public sealed class RateBudgetRebaseTests
{
    [Fact]
    public async Task ReportRate_DoubledWhileTenWait_TheyFinishAtTheNewRatesTheoreticalTimeInOrder()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);
        var queue = Queue(budget, time, 10);

        budget.ReportRate(2);
        await time.RunAsync(queue.All);

        // The bucket was empty at 0 s; at two a second the ten go every half second, first come first served.
        AssertSentOnSchedule(Seconds(0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5), queue.Sends);
        Assert.Equal(Enumerable.Range(0, 10), queue.Order);
    }

    [Fact]
    public async Task ReportRate_HalvedWhileTenWait_NeverOverTheNewLimitAndNobodyCountedTwice()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(2, 2), time);
        await budget.WaitAsync(1, CancellationToken.None);
        await budget.WaitAsync(1, CancellationToken.None);
        var queue = Queue(budget, time, 10);

        budget.ReportRate(1);
        await time.RunAsync(queue.All, limit: TimeSpan.FromMinutes(1));

        // Empty at 0 s, one a second from then on: the last at 10 s, not later for units booked at the old rate.
        AssertSentOnSchedule(Seconds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), queue.Sends);
        RateBudgetTests.AssertNeverOverLimit([FakeTime.Start, FakeTime.Start, .. queue.Sends], RateLimitModel.TokenBucket(1, 2), 1, "halved rate");
    }

    [Fact]
    public async Task ReportThrottled_ShortRetryAfterWhileTenWait_NobodySendsBeforeThePauseEndsAndTheQueueRunsFromThere()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);
        var queue = Queue(budget, time, 10);

        // The request sent at 0 s came back 429 with Retry-After 0.5: the server's bucket holds one unit at 0.5 s.
        budget.ReportThrottled(TimeSpan.FromSeconds(0.5));
        await time.RunAsync(queue.All);

        AssertSentOnSchedule(Seconds(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5), queue.Sends);
    }

    [Fact]
    public async Task ReportThrottled_LongRetryAfterWhileTenWait_NobodySendsBeforeThePauseEnds()
    {
        var time = FakeTime.Create();
        var model = RateLimitModel.TokenBucket(10, 5);
        var budget = new RateBudget(model, time);
        var queue = Queue(budget, time, 15);

        budget.ReportThrottled(TimeSpan.FromSeconds(3));
        await time.RunAsync(queue.All);

        // Five went at once; the ten that waited go from 3 s, when the server's bucket holds one unit, one at a time.
        var afterPause = queue.Sends.Skip(5).ToArray();
        AssertSentOnSchedule([.. Enumerable.Range(0, 10).Select(i => FakeTime.Start.AddSeconds(3).AddMilliseconds(i * 100))], afterPause);
    }

    [Fact]
    public async Task ReportRate_TinyWhileOneWaits_ThePumpSurvivesAndTheRequestGoesOnceTheRateIsBack()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);
        var queue = Queue(budget, time, 1);

        // Due in about three years: longer than any timer takes. The pump must sleep in steps, not die.
        budget.ReportRate(1e-8);
        await time.RunAsync(Task.Delay(TimeSpan.FromMinutes(5), time));
        Assert.Empty(queue.Sends);
        budget.ReportRate(1);
        await time.RunAsync(queue.All);

        Assert.Single(queue.Sends);
    }

    // Exactly on time: fake time moves only while everything waits for it, straight to the next moment one wait is due,
    // so a send is seen at the moment the budget let it go.
    private static void AssertSentOnSchedule(DateTimeOffset[] expected, DateTimeOffset[] sent) => Assert.Equal(expected, sent);

    private static DateTimeOffset[] Seconds(params double[] seconds) => [.. seconds.Select(FakeTime.Start.AddSeconds)];

    private static QueuedRequests Queue(RateBudget budget, TimeProvider time, int count, double cost = 1)
    {
        var queue = new QueuedRequests();
        var tasks = Enumerable.Range(0, count).Select(async index =>
        {
            // No captured context: the send is recorded the moment fake time releases it.
            await budget.WaitAsync(cost, CancellationToken.None).ConfigureAwait(false);
            queue.Sent(index, time.GetUtcNow());
        }).ToArray();
        queue.All = Task.WhenAll(tasks);
        return queue;
    }

    private sealed class QueuedRequests
    {
        private readonly List<(int Index, DateTimeOffset At)> _sends = [];

        public Task All { get; set; } = Task.CompletedTask;

        public DateTimeOffset[] Sends
        {
            get
            {
                lock (_sends)
                {
                    return [.. _sends.Select(s => s.At)];
                }
            }
        }

        public int[] Order
        {
            get
            {
                lock (_sends)
                {
                    return [.. _sends.Select(s => s.Index)];
                }
            }
        }

        public void Sent(int index, DateTimeOffset at)
        {
            lock (_sends)
            {
                _sends.Add((index, at));
            }
        }
    }
}
