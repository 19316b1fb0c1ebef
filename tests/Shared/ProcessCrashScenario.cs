using Connect.Sdk.Http;
using Connect.Sdk.RateLimits;
using Connect.Sdk.Testing.RateLimits;
using Connect.Sdk.Testing.Time;
using Xunit;

namespace Connect.Sdk.TestSupport;

/// <summary>
/// Two processes share an account's budget through a store, on one fake clock, against a model of the server's bucket.
/// The first sends 32 requests of the 40-unit burst and dies before any answer (its budget is abandoned); the second
/// keeps the account busy with 40 requests at a time, each answered after a second. While the dead process's lease runs
/// the survivor has 8 units beside its units in flight, 8 requests a second; once the lease has run out (its attempt
/// timeout plus <see cref="SharedRateBudget.FlightLeaseMargin"/>) the units come back and the survivor runs at the
/// account's full rate, and the server never refuses a request. Run on every store that keeps flights.
/// </summary>
internal static class ProcessCrashScenario
{
    private const string Account = "otto:partner-4711";
    private const int CrashedInFlight = 32;
    private const int SurvivorWorkers = 40;
    private static readonly RateLimitModel Limit = RateLimitModel.TokenBucket(10, 40);
    private static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the scenario with a store instance per process over one storage, and checks it.</summary>
    /// <param name="openStore">Opens another instance of the store (another process) over the same storage.</param>
    /// <param name="attemptTimeout">The clients' attempt timeout, 5 s unless given: the lease follows it.</param>
    /// <returns>A task that completes when the scenario is checked.</returns>
    public static async Task RunAndCheckAsync(Func<Task<IRateBudgetStore>> openStore, TimeSpan? attemptTimeout = null)
    {
        // The crashed process's units come back by its last write plus this bound.
        var attempt = attemptTimeout ?? DefaultAttemptTimeout;
        var bound = attempt + SharedRateBudget.FlightLeaseMargin;
        var time = new WaitAwareFakeTime(Start);
        var server = new TokenBucket(Limit.Capacity, Limit.RefillPerSecond, time);
        var applied = new List<DateTimeOffset>();
        var throttled = 0;

        void Arrive()
        {
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
        }

        // The first process books its requests, they reach the server, and it dies: no answer is ever reported.
        var crashed = (IInFlightRateBudget)new AccountBudgets(time, new OnTheWire(await openStore(), time)).GetOrAdd(Account, Limit);
        await time.DriveAsync(
            Task.WhenAll(Enumerable.Range(0, CrashedInFlight).Select(async _ =>
            {
                await crashed.WaitToSendAsync(1, attempt, CancellationToken.None).ConfigureAwait(false);
                Arrive();
            })),
            TimeSpan.FromSeconds(1));
        var crashedAt = time.GetUtcNow();

        var survivor = (IInFlightRateBudget)new AccountBudgets(time, new OnTheWire(await openStore(), time)).GetOrAdd(Account, Limit);
        var end = crashedAt + bound + TimeSpan.FromSeconds(25);
        var sends = new List<(DateTimeOffset At, int InFlight)>();
        var inFlight = 0;
        async Task WorkAsync()
        {
            while (time.GetUtcNow() < end)
            {
                await survivor.WaitToSendAsync(1, attempt, CancellationToken.None).ConfigureAwait(false);
                lock (sends)
                {
                    sends.Add((time.GetUtcNow(), ++inFlight));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(1), time).ConfigureAwait(false);
                Arrive();
                await Task.Delay(AnswerDelay - TimeSpan.FromMilliseconds(1), time).ConfigureAwait(false);
                lock (sends)
                {
                    inFlight--;
                }

                survivor.Answered(1);
            }
        }

        await time.DriveAsync(Task.WhenAll(Enumerable.Range(0, SurvivorWorkers).Select(_ => WorkAsync())), bound + TimeSpan.FromMinutes(2));

        // Never over the server's limit: the dead process's units were held while its answers could still come.
        Assert.Equal(0, throttled);

        // While its lease runs, the 32 units stay in flight: the survivor has 8 beside them.
        var leaseEnds = crashedAt + bound;
        Assert.Equal(Limit.Capacity - CrashedInFlight, sends.Where(send => send.At < leaseEnds).Max(send => send.InFlight));

        // After it, the account's full rate: a request per refill, the theoretical minimum of 20 s for 200 requests (with
        // 8 units, 8 a second at best). Every store here lands exactly 200 now that the pump never plans on a thread of
        // its own while time moves: an answer wakes it on the answer's thread (a completion, not a cancelled token, whose
        // continuation would go to the thread pool), and the drive resumes it after each store call across a socket
        // (OverTheWireAsync). Before, one run in about six missed by up to 180.
        var from = leaseEnds + TimeSpan.FromSeconds(2);
        var full = sends.Count(send => send.At >= from && send.At < from + TimeSpan.FromSeconds(20));
        Assert.InRange(full, 195, 205);

        // The dead process's flight is gone from the store, only the survivor's is left.
        var state = await (await openStore()).GetAsync(Account, CancellationToken.None);
        Assert.NotNull(state);
        Assert.True(state.Flights.Count <= 1, $"{state.Flights.Count} flights are left in the store, not the survivor's alone.");
    }

    /// <summary>
    /// A store whose calls hold fake time still, like a request on the wire: a database across a socket answers on a
    /// thread of its own, and time must not move on while a pump waits for it, nor while the pump runs on from the answer
    /// to its next wait (the drive resumes it).
    /// </summary>
    private sealed class OnTheWire(IRateBudgetStore store, WaitAwareFakeTime time) : IRateBudgetStore
    {
        public bool KeepsFlights => store.KeepsFlights;

        public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken) =>
            new(time.OverTheWireAsync(() => store.GetAsync(account, cancellationToken).AsTask(), cancellationToken));

        public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken) =>
            new(time.OverTheWireAsync(() => store.TryReplaceAsync(account, expected, replacement, cancellationToken).AsTask(), cancellationToken));
    }
}
