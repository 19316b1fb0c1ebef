using Connect.Sdk.Http.Tests.TestDoubles;
using Connect.Sdk.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Http.Tests;

public sealed class RateBudgetTests
{
    public static TheoryData<string, RateLimitModel, double, int> Models => new()
    {
        // Amazon getOrderItems-like: 0.5/s, burst 30 — kept small so the run stays short.
        { "token bucket", RateLimitModel.TokenBucket(2, 10), 1, 50 },
        { "leaky bucket", RateLimitModel.LeakyBucket(40, 2), 1, 100 },
        { "cost based", RateLimitModel.CostBased(1000, 100), 50, 60 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task WaitAsync_ManyRequestsAtOnce_FinishInTheTheoreticalMinimumWithoutOverLimitSends(string kind, RateLimitModel model, double cost, int count)
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(model, time);
        var sends = new List<DateTimeOffset>();

        var all = Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            // No captured context: the send is recorded the moment fake time releases it.
            await budget.WaitAsync(cost, CancellationToken.None).ConfigureAwait(false);
            lock (sends)
            {
                sends.Add(time.GetUtcNow());
            }
        }));
        await time.RunAsync(all);

        // The first bucketful goes at once; every further request waits exactly for its cost to refill.
        var minimum = TimeSpan.FromSeconds(((count * cost) - model.Capacity) / model.RefillPerSecond);
        var elapsed = sends.Max() - FakeTime.Start;
        Assert.InRange(elapsed, minimum, minimum + TimeSpan.FromMilliseconds(1));
        AssertNeverOverLimit(sends, model, cost, kind);
    }

    [Fact]
    public async Task WaitToSendAsync_HeadWaitsForAnswersAlone_ArmsNoTimerUntilAnAnswerComes()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(0.1, 2), time);
        await budget.WaitToSendAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None);
        await budget.WaitToSendAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None);

        // The pump plans the head before this returns. A timer now would count as the process waiting for time, and a
        // background drive would move time on while the first answers are still on their way to Answered.
        var third = budget.WaitToSendAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None).AsTask();
        Assert.Equal(0, time.PendingWaits);
        Assert.Null(time.NextDue);

        budget.Answered(1);
        await time.RunAsync(third);

        // Two units went at the start, so the third waits for one to refill: 10 s at 0.1 per second.
        time.AssertElapsed(10);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WaitAsync_HeadCancelledWithACheaperRequestBehindIt_ThatOneGoesBeforeTheCancelReturns(bool shared)
    {
        var time = FakeTime.Create();
        var model = RateLimitModel.TokenBucket(0.1, 10);
        IRateBudget budget = shared ? new AccountBudgets(time, new InMemoryRateBudgetStore()).GetOrAdd("otto:partner", model) : new RateBudget(model, time);
        await budget.WaitAsync(9, CancellationToken.None);
        using var headGivesUp = new CancellationTokenSource();
        var head = budget.WaitAsync(5, headGivesUp.Token).AsTask();
        var cheaper = budget.WaitAsync(1, CancellationToken.None).AsTask();
        Assert.False(cheaper.IsCompleted, "The cheaper request overtook the head.");

        // Cancelled on a thread of its own: the pump it wakes plans there and then (the shared one reads and writes its
        // store there too). Planned on the thread pool later, a test's fake time could move on meanwhile and the request
        // would go late.
        var wentWithTheCancel = await Task.Run(() =>
        {
            headGivesUp.Cancel();
            return cheaper.IsCompletedSuccessfully;
        });

        Assert.True(wentWithTheCancel);
        Assert.True(head.IsCanceled);
        Assert.Equal(FakeTime.Start, time.GetUtcNow());
    }

    [Fact]
    public async Task WaitAsync_Cancelled_GivesItsUnitsBack()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var cancelled = budget.WaitAsync(1, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        // Had the cancelled waiter kept its slot, this one would wait two seconds, not one.
        var next = budget.WaitAsync(1, CancellationToken.None).AsTask();
        await time.RunAsync(next);
        time.AssertElapsed(1);
    }

    [Fact]
    public async Task WaitAsync_AWaiterInTheMiddleCancelled_ItsSlotGoesToTheNextInLineAndNoTwoShareOne()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);                      // sent at 0 s
        using var cancel = new CancellationTokenSource();
        var middle = budget.WaitAsync(1, cancel.Token).AsTask();               // next in line, for 1 s
        var last = budget.WaitAsync(1, CancellationToken.None).AsTask();       // behind it
        // Cancelled here, not on the thread pool: the queue moves up before fake time does.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => middle);

        // Queued requests hold no units, so the cancelled one leaves no hole: the last moves up to 1 s, and the one
        // after it gets 2 s, not a slot beside another.
        var after = budget.WaitAsync(1, CancellationToken.None).AsTask();
        await time.RunAsync(last);
        time.AssertElapsed(1);
        Assert.False(after.IsCompleted, "Two requests were sent in one slot.");
        await time.RunAsync(after);
        time.AssertElapsed(2);
    }

    [Fact]
    public async Task ReportThrottled_RetryAfterOfDays_PausesTheAccountAtMostFiveMinutes()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(10, 10), time);
        budget.ReportThrottled(TimeSpan.FromDays(100));

        var next = budget.WaitAsync(1, CancellationToken.None).AsTask();
        await time.RunAsync(next);

        time.AssertElapsed(300);
    }

    [Fact]
    public async Task ReportThrottled_WithRetryAfter_NothingIsSentBeforeItAndWaitersReserveAgain()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(10, 10), time);
        budget.ReportThrottled(TimeSpan.FromSeconds(5));

        var first = budget.WaitAsync(1, CancellationToken.None).AsTask();
        await time.RunAsync(first);
        time.AssertElapsed(5);

        // The bucket is empty after the pause: the next unit needs a tenth of a second.
        var second = budget.WaitAsync(1, CancellationToken.None).AsTask();
        await time.RunAsync(second);
        time.AssertElapsed(5.1);
    }

    [Fact]
    public async Task ReportThrottled_WhileRequestsWait_PushesTheWaitersPastThePause()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);
        var waiting = budget.WaitAsync(1, CancellationToken.None).AsTask();

        budget.ReportThrottled(TimeSpan.FromSeconds(10));
        await time.RunAsync(waiting);

        Assert.True(time.GetUtcNow() - FakeTime.Start >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReportAvailable_FewerPointsThanEstimated_NextCostlyRequestWaitsForTheRestore()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.CostBased(1000, 100), time);

        // Shopify says another client of the shop used most of the points: 200 of 1000 are left.
        budget.ReportAvailable(200);
        var request = budget.WaitAsync(500, CancellationToken.None).AsTask();
        await time.RunAsync(request);

        time.AssertElapsed(3);
    }

    [Fact]
    public async Task ReportRate_SlowerThanDeclared_LaterWaitsUseTheServersRate()
    {
        var time = FakeTime.Create();
        var budget = new RateBudget(RateLimitModel.TokenBucket(5, 1), time);
        await budget.WaitAsync(1, CancellationToken.None);

        budget.ReportRate(0.5);
        var next = budget.WaitAsync(1, CancellationToken.None).AsTask();
        await time.RunAsync(next);

        time.AssertElapsed(2);
    }

    [Fact]
    public async Task ReportRate_TheSameRateRounded_LeavesWaitersWhereTheyAre()
    {
        // One a minute, as Amazon writes it on every getOrders answer: 0.0167.
        var time = FakeTime.Create();
        var model = RateLimitModel.TokenBucket(1.0 / 60, 1);
        var budget = new RateBudget(model, time);
        var sends = new List<DateTimeOffset>();
        var all = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await budget.WaitAsync(1, CancellationToken.None).ConfigureAwait(false);
            lock (sends)
            {
                sends.Add(time.GetUtcNow());
            }

            budget.ReportRate(0.0167);
        }));
        await time.RunAsync(all);

        Assert.Equal(TimeSpan.FromMinutes(3), sends.Max() - FakeTime.Start);
    }

    [Fact]
    public async Task ReportAvailable_AfterEveryAnswer_AgreeingWithTheBookings_KeepsTheTheoreticalMinimum()
    {
        // Shopify's cost bucket: each answer reports what is left, which our own bookings already account for.
        var time = FakeTime.Create();
        var model = RateLimitModel.CostBased(1000, 100);
        var budget = new RateBudget(model, time);
        var sends = 0;
        var all = Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            await budget.WaitAsync(50, CancellationToken.None).ConfigureAwait(false);
            var sent = Interlocked.Increment(ref sends);

            // What the server's bucket holds after this request: full, minus every cost so far, plus the refill.
            var refilled = (time.GetUtcNow() - FakeTime.Start).TotalSeconds * 100;
            budget.ReportAvailable(Math.Min(1000, 1000 - (sent * 50) + refilled));
        }));
        await time.RunAsync(all);

        // (60 × 50 − 1000) / 100 = 20 s, not more: the reports did not make the waiters book twice.
        Assert.Equal(60, sends);
        time.AssertElapsed(20);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task WaitAsync_CostOutsideTheBucket_IsRefused(double cost)
    {
        var budget = new RateBudget(RateLimitModel.TokenBucket(1, 10), new FakeTimeProvider());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => budget.WaitAsync(cost, CancellationToken.None).AsTask());
    }

    [Fact]
    public void GetOrAdd_SameAccount_ReturnsOneSharedBudget()
    {
        var budgets = new AccountBudgets(new FakeTimeProvider());

        var first = budgets.GetOrAdd("shopify:shop-1", RateLimitModel.LeakyBucket(40, 2));
        var second = budgets.GetOrAdd("shopify:shop-1", RateLimitModel.LeakyBucket(40, 2));
        var other = budgets.GetOrAdd("shopify:shop-2", RateLimitModel.LeakyBucket(40, 2));

        Assert.Same(first, second);
        Assert.NotSame(first, other);
    }

    [Fact]
    public void GetOrAdd_SameAccountWithAnotherModel_IsRefusedNamingTheAccount()
    {
        var budgets = new AccountBudgets(new FakeTimeProvider());
        budgets.GetOrAdd("shopify:shop-1", RateLimitModel.LeakyBucket(40, 2));

        var refused = Assert.Throws<ArgumentException>(() => budgets.GetOrAdd("shopify:shop-1", RateLimitModel.LeakyBucket(80, 4)));

        Assert.Contains("shopify:shop-1", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>In every window between two sends, at most a bucketful plus what refilled in the window went out.</summary>
    internal static void AssertNeverOverLimit(IReadOnlyList<DateTimeOffset> sends, RateLimitModel model, double cost, string kind)
    {
        var ordered = sends.Order().ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            for (var j = i; j < ordered.Length; j++)
            {
                var spent = (j - i + 1) * cost;
                var allowed = model.Capacity + (model.RefillPerSecond * (ordered[j] - ordered[i]).TotalSeconds) + 1e-6;
                Assert.True(spent <= allowed, $"{kind}: sends {i}..{j} spent {spent} units, more than the {allowed:F2} the limit allows.");
            }
        }
    }
}
