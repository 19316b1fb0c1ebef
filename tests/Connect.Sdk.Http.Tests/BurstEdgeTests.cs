using System.Net;
using Connect.Sdk.Http.Tests.TestDoubles;
using Connect.Sdk.RateLimits;
using Connect.Sdk.Testing.RateLimits;

namespace Connect.Sdk.Http.Tests;

/// <summary>
/// The burst edge, against a model of the server's bucket: requests are counted when they arrive, a little after they
/// leave and not in the order or with the gaps they left in, and refill is thrown away while the bucket is full. The
/// budget must never run ahead of that bucket, with any number in flight, and still finish at the minimum.
/// </summary>
public sealed class BurstEdgeTests : IDisposable
{
    private const int Writes = 600;

    private static readonly RateLimitModel Limit = RateLimitModel.TokenBucket(100, 40);

    // (600 − 40) / 100: the first bucketful at once, then one write per refill.
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5.6);

    private static readonly TimeSpan AnswerDelay = TimeSpan.FromMilliseconds(1);

    private readonly ClientHarness _harness = new();

    public static TheoryData<int> InFlight => [1, 8, 32];

    public void Dispose() => _harness.Dispose();

    [Theory]
    [MemberData(nameof(InFlight))]
    public async Task Post_BurstEdgeWithRequestsInFlight_NoneIsRefusedAndTheRunTakesTheMinimum(int inFlight)
    {
        var marketplace = new TokenBucketMarketplace(_harness.Time, Limit, SlowFirstConnection, AnswerDelay);
        _harness.Add("shop", marketplace, o => { o.Account = "shop"; o.RateLimit = Limit; });

        await _harness.Time.RunAsync(WriteAsync([_harness.Client("shop")], inFlight));

        AssertNoneRefusedAndAtTheMinimum(marketplace.Applied, marketplace.Throttled);
    }

    [Theory]
    [MemberData(nameof(InFlight))]
    public async Task Post_TwoClientsOfOneAccountAtTheBurstEdge_NoneIsRefusedAndTheRunTakesTheMinimum(int inFlight)
    {
        var marketplace = new TokenBucketMarketplace(_harness.Time, Limit, SlowFirstConnection, AnswerDelay);
        _harness.Add("connection-1", marketplace, o => { o.Account = "shop"; o.RateLimit = Limit; });
        _harness.Add("connection-2", marketplace, o => { o.Account = "shop"; o.RateLimit = Limit; });

        await _harness.Time.RunAsync(WriteAsync([_harness.Client("connection-1"), _harness.Client("connection-2")], inFlight));

        AssertNoneRefusedAndAtTheMinimum(marketplace.Applied, marketplace.Throttled);
    }

    [Fact]
    public async Task Post_AnswersLostAfterTheServerCountedThem_GiveTheirUnitsBackAndNoneIsRefused()
    {
        // Every tenth answer is lost on the way back: more than a bucketful over the run. Units kept in flight for them
        // would leave no room after the fortieth, and the run would stall.
        var marketplace = new TokenBucketMarketplace(_harness.Time, Limit, SlowFirstConnection, AnswerDelay, answerLost: index => index % 10 == 9);
        _harness.Add("shop", marketplace, o => { o.Account = "shop"; o.RateLimit = Limit; });

        await _harness.Time.RunAsync(WriteAsync([_harness.Client("shop")], inFlight: 8, answersLost: true));

        AssertNoneRefusedAndAtTheMinimum(marketplace.Applied, marketplace.Throttled);
    }

    [Theory]
    [MemberData(nameof(InFlight))]
    public async Task WaitToSendAsync_TwoProcessesOnOneStoreAtTheBurstEdge_NoneIsRefusedAndTheRunTakesTheMinimum(int inFlight)
    {
        var time = _harness.Time;
        var store = new InMemoryRateBudgetStore();
        var server = new TokenBucket(Limit.Capacity, Limit.RefillPerSecond, time);
        var applied = new List<DateTimeOffset>();
        var throttled = 0;
        var next = -1;

        // Each process's first request waits for its connection; the other's arrive meanwhile.
        async Task ProcessAsync(IInFlightRateBudget budget, TimeSpan firstArrival)
        {
            var sent = 0;
            while (Interlocked.Increment(ref next) < Writes)
            {
                await budget.WaitToSendAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(sent++ == 0 ? firstArrival : TimeSpan.FromMilliseconds(1), time).ConfigureAwait(false);
                lock (applied)
                {
                    if (server.TryTake(1, out _))
                    {
                        applied.Add(time.GetUtcNow());
                    }
                    else
                    {
                        throttled++;
                    }
                }

                await Task.Delay(AnswerDelay, time).ConfigureAwait(false);
                budget.Answered(1);
            }
        }

        var processes = new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(30) }
            .Select(firstArrival => (Budget: (IInFlightRateBudget)new AccountBudgets(time, store).GetOrAdd("shop", Limit), FirstArrival: firstArrival))
            .ToArray();
        var all = Task.WhenAll(processes.SelectMany(process => Enumerable.Range(0, inFlight).Select(_ => ProcessAsync(process.Budget, process.FirstArrival))));
        await time.RunAsync(all);

        AssertNoneRefusedAndAtTheMinimum(applied, throttled);
    }

    // The first request waits for the connection to be set up; the rest of the first burst for connections of their own.
    private static TimeSpan SlowFirstConnection(int index) => TimeSpan.FromMilliseconds(index switch
    {
        0 => 50,
        < 40 => 5,
        _ => 1,
    });

    private static Task WriteAsync(HttpClient[] clients, int inFlight, bool answersLost = false)
    {
        var next = -1;
        return Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Writes)
            {
                // Not marked idempotent: a write the marketplace refused with 429 would be sent again, and counted here;
                // one whose answer was lost is not, as it may have been applied.
                try
                {
                    using var response = await client.PostAsync("writes", content: null).ConfigureAwait(false);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
                catch (HttpRequestException) when (answersLost)
                {
                }
            }
        })));
    }

    private static void AssertNoneRefusedAndAtTheMinimum(IReadOnlyList<DateTimeOffset> applied, int throttled)
    {
        Assert.Equal(0, throttled);
        Assert.Equal(Writes, applied.Count);
        var elapsed = applied.Max() - applied.Min();
        Assert.InRange(elapsed, Minimum, Minimum * 1.02);
    }
}
