using Connect.Sdk.Http;
using Connect.Sdk.Testing.Time;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>
/// Two processes (two <see cref="AccountBudgets"/>, each with its own database on one file) call as one marketplace
/// account: through the file they share its budget, on one fake clock.
/// </summary>
public sealed class SqliteSharedPacingTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task TwoProcessesOnOneFile_240RequestsTogether_NeverExceedTheAccountsLimitAndFinishAtTheMinimum()
    {
        const int PerProcess = 120;
        var model = RateLimitModel.TokenBucket(10, 20);
        var time = new WaitAwareFakeTime(Start);
        var sends = new List<(int Process, DateTimeOffset At)>();
        var processes = Enumerable.Range(0, 2)
            .Select(_ => new AccountBudgets(time, new SqliteRateBudgetStore(_files.Open())).GetOrAdd("amazon:A1B2C3:eu:patchListingsItem", model))
            .ToArray();

        var all = Task.WhenAll(Enumerable.Range(0, PerProcess).SelectMany(_ => processes.Select(async (budget, process) =>
        {
            // No captured context: the send is recorded the moment fake time releases it.
            await budget.WaitAsync(1, CancellationToken.None).ConfigureAwait(false);
            lock (sends)
            {
                sends.Add((process, time.GetUtcNow()));
            }
        })));
        await time.DriveAsync(all, TimeSpan.FromMinutes(5));

        // The first bucketful goes at once, then one request per refill: (240 − 20) / 10 = 22 s.
        Assert.Equal(2 * PerProcess, sends.Count);
        Assert.All(Enumerable.Range(0, 2), process => Assert.Equal(PerProcess, sends.Count(s => s.Process == process)));
        AssertNeverOverLimit([.. sends.Select(s => s.At)], model);
        var elapsed = sends.Max(s => s.At) - Start;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(22), TimeSpan.FromSeconds(22.001));
    }

    /// <summary>In every window between two sends, at most a bucketful plus what refilled in the window went out.</summary>
    private static void AssertNeverOverLimit(DateTimeOffset[] sends, RateLimitModel model)
    {
        var ordered = sends.Order().ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            for (var j = i; j < ordered.Length; j++)
            {
                var allowed = model.Capacity + (model.RefillPerSecond * (ordered[j] - ordered[i]).TotalSeconds) + 1e-6;
                Assert.True(j - i + 1 <= allowed, $"Sends {i}..{j} spent {j - i + 1} units, more than the {allowed:F2} the limit allows.");
            }
        }
    }
}
