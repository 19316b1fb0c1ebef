using Connect.Sdk.Http.Tests.TestDoubles;
using Connect.Sdk.RateLimits;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Http.Tests;

/// <summary>
/// Budgets kept in an <see cref="IRateBudgetStore"/>: two <see cref="AccountBudgets"/> (two processes) on one store
/// share an account's budget, and a host opts in explicitly.
/// </summary>
public sealed class SharedRateBudgetTests
{
    [Fact]
    public async Task TwoProcessesOnOneStore_TogetherNeverExceedTheAccountsLimitAndFinishAtTheMinimum()
    {
        var time = FakeTime.Create();
        var store = new InMemoryRateBudgetStore();
        var model = RateLimitModel.TokenBucket(2, 5);
        var processes = new[] { new AccountBudgets(time, store), new AccountBudgets(time, store) }
            .Select(budgets => budgets.GetOrAdd("amazon:A1B2C3:eu:getOrderItems", model))
            .ToArray();
        var sends = new List<DateTimeOffset>();

        var all = Task.WhenAll(Enumerable.Range(0, 25).SelectMany(_ => processes.Select(async budget =>
        {
            await budget.WaitAsync(1, CancellationToken.None).ConfigureAwait(false);
            lock (sends)
            {
                sends.Add(time.GetUtcNow());
            }
        })));
        await time.RunAsync(all);

        // (50 − 5) / 2 = 22.5 s for the two together.
        Assert.Equal(50, sends.Count);
        RateBudgetTests.AssertNeverOverLimit(sends, model, 1, "two processes");
        Assert.InRange(sends.Max() - FakeTime.Start, TimeSpan.FromSeconds(22.5), TimeSpan.FromSeconds(22.501));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(240)]
    public async Task WaitToSendAsync_AProcessDiesWithUnitsInFlightWhileTheOtherKeepsTheAccountBusy_TheyComeBackAfterItsLease(int attemptSeconds)
    {
        var store = new InMemoryRateBudgetStore();

        await ProcessCrashScenario.RunAndCheckAsync(() => Task.FromResult<IRateBudgetStore>(store), TimeSpan.FromSeconds(attemptSeconds));
    }

    [Fact]
    public async Task ReportThrottled_InOneProcess_HoldsTheOtherProcessesRequestsUntilThePauseEnds()
    {
        var time = FakeTime.Create();
        var store = new InMemoryRateBudgetStore();
        var model = RateLimitModel.TokenBucket(10, 10);
        var first = new AccountBudgets(time, store).GetOrAdd("shopify:shop", model);
        var second = new AccountBudgets(time, store).GetOrAdd("shopify:shop", model);
        await time.RunAsync(first.WaitAsync(1, CancellationToken.None).AsTask());

        first.ReportThrottled(TimeSpan.FromSeconds(4));
        await time.RunAsync(second.WaitAsync(1, CancellationToken.None).AsTask());

        time.AssertElapsed(4);
    }

    [Fact]
    public async Task WaitAsync_StoreFails_TheWaitingRequestFailsWithIt()
    {
        var budget = new AccountBudgets(new FakeTimeProvider(), new BrokenStore()).GetOrAdd("shop", RateLimitModel.TokenBucket(1, 1));

        await Assert.ThrowsAsync<IOException>(() => budget.WaitAsync(1, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task AddMarketplaceHttpClient_WithAStoreRegistered_KeepsTheBudgetsInMemoryUnlessShared()
    {
        var store = new CountingStore();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider()).AddSingleton<IRateBudgetStore>(store);
        services.AddMarketplaceHttpClient("shop", o => { o.Account = "shopify:shop"; o.RateLimit = RateLimitModel.LeakyBucket(40, 2); });
        using (var provider = services.BuildServiceProvider())
        {
            var budget = provider.GetRequiredService<AccountBudgets>().GetOrAdd("shopify:shop", RateLimitModel.LeakyBucket(40, 2));
            Assert.True(budget.WaitAsync(1, CancellationToken.None).AsTask().IsCompletedSuccessfully, "A request within the burst waited.");
            Assert.Equal(0, store.Calls);
        }

        services.AddSharedRateBudgets();
        using (var provider = services.BuildServiceProvider())
        {
            var budget = provider.GetRequiredService<AccountBudgets>().GetOrAdd("shopify:shop", RateLimitModel.LeakyBucket(40, 2));
            await budget.WaitAsync(1, CancellationToken.None);
            Assert.True(store.Calls > 0, "The shared budget did not use the store.");
        }
    }

    [Fact]
    public void AddSharedRateBudgets_NoStoreRegistered_FailsAtStartNamingWhatIsMissing()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddMarketplaceHttpClient("shop", o => { o.Account = "shopify:shop"; o.RateLimit = RateLimitModel.LeakyBucket(40, 2); });
        services.AddSharedRateBudgets();
        using var provider = services.BuildServiceProvider();

        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var atFirstUse = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AccountBudgets>());

        Assert.Contains("IRateBudgetStore", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("UseSqlite", atFirstUse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answered_StoreFailsToWriteIt_TheAnswerIsWrittenWithTheNextBooking()
    {
        var time = FakeTime.Create();
        var store = new OnceFailingStore();
        var budget = (IInFlightRateBudget)new AccountBudgets(time, store).GetOrAdd("otto:partner", RateLimitModel.TokenBucket(10, 5));
        await time.RunAsync(budget.WaitToSendAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None).AsTask());

        // The answer's write fails (a locked file): the units must not stay in flight in the store for good.
        store.FailNextReplace();
        budget.Answered(1);
        await store.Failed;
        await time.RunAsync(budget.WaitToSendAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None).AsTask());

        var state = await store.GetAsync("otto:partner", CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal(NodaTime.Duration.FromMilliseconds(100), state.InFlightRefill);
    }

    private sealed class OnceFailingStore : IRateBudgetStore
    {
        private readonly InMemoryRateBudgetStore _inner = new();
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Failed => _failed.Task;

        public void FailNextReplace() => Volatile.Write(ref _armed, 1);

        public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken) => _inner.GetAsync(account, cancellationToken);

        public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _failed.SetResult();
                throw new IOException("database is locked");
            }

            return _inner.TryReplaceAsync(account, expected, replacement, cancellationToken);
        }
    }

    private sealed class BrokenStore : IRateBudgetStore
    {
        public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken) => throw new IOException("disk gone");

        public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken) => throw new IOException("disk gone");
    }

    private sealed class CountingStore : IRateBudgetStore
    {
        private readonly InMemoryRateBudgetStore _inner = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _inner.GetAsync(account, cancellationToken);
        }

        public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _inner.TryReplaceAsync(account, expected, replacement, cancellationToken);
        }
    }

    [Fact]
    public async Task WaitToSendAsync_BookingWriteSlowerThanHalfTheMargin_LeasesTheFlightForTheWholeAttemptFromItsSend()
    {
        // The first write waits 70 s (a queue of writers on the file): a lease counted from before it would end 20 s after
        // the send, while the request may stay in flight for its 30-second attempt, and another process would drop its
        // unit and send beside it.
        var time = FakeTime.Create();
        var store = new SlowFirstWriteStore(new InMemoryRateBudgetStore(), time, TimeSpan.FromSeconds(70));
        var budget = new SharedRateBudget("shop", RateLimitModel.TokenBucket(1, 1), store, time);
        var attempt = TimeSpan.FromSeconds(30);

        await budget.WaitToSendAsync(1, attempt, CancellationToken.None);

        var sentAt = time.GetUtcNow();
        var flight = Assert.Single((await store.GetAsync("shop", CancellationToken.None))!.Flights);
        Assert.True(flight.Until.ToDateTimeOffset() >= sentAt + attempt + SharedRateBudget.LeaseRenewedAfter, $"The flight's lease ends {flight.Until.ToDateTimeOffset() - sentAt} after the send.");
    }

    private sealed class SlowFirstWriteStore(IRateBudgetStore inner, FakeTimeProvider time, TimeSpan firstWrite) : IRateBudgetStore
    {
        private int _writes;

        public bool KeepsFlights => inner.KeepsFlights;

        public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken) => inner.GetAsync(account, cancellationToken);

        public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _writes) == 1)
            {
                time.Advance(firstWrite);
            }

            return inner.TryReplaceAsync(account, expected, replacement, cancellationToken);
        }
    }
}
