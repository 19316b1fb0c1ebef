using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>
/// Several databases on one file stand in for worker processes: racing for a key, exactly one gets it each round,
/// and tokens keep growing across releases and reopened files.
/// </summary>
public sealed class SqliteWorkLeaseRaceTests : IDisposable
{
    private const int Rounds = 100;
    private const int Workers = 4;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task TryAcquire_WorkersOnSeparateDatabasesRacingForOneKey_ExactlyOneWinsEachRound()
    {
        var stores = Enumerable.Range(0, Workers).Select(_ => new SqliteWorkLeaseStore(_files.Open())).ToArray();
        var now = T0;
        long lastToken = 0;

        for (var round = 0; round < Rounds; round++)
        {
            // Each round the previous lease has just expired (or, every third round, was released), so the key is free.
            var at = now;
            var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
                await store.TryAcquireAsync("shopify-de:orders", "worker-" + i, at, Minute, CancellationToken.None))));

            var winners = results.Where(r => r is not null).Select(r => r!).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} workers got the key, expected exactly one.");
            Assert.True(winners[0].Token > lastToken, $"Round {round}: token {winners[0].Token} after {lastToken}.");
            lastToken = winners[0].Token;
            if (round % 3 == 0)
            {
                await stores[round % Workers].ReleaseAsync(winners[0], CancellationToken.None);
            }

            now += Minute;
        }
    }

    [Fact]
    public async Task TryClaim_NothingToClaim_ReturnsWithoutWaitingForTheWriteLock()
    {
        var database = _files.Open();
        var store = new SqliteWorkLeaseStore(database);
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = database.WriteAsync(
            async (_, _, _) =>
            {
                writing.SetResult();
                await mayFinish.Task;
                return 0;
            },
            CancellationToken.None).AsTask();
        await writing.Task;

        // While another write holds the file, claims of nothing are done at once instead of queueing behind it.
        var noKeys = store.TryClaimAsync([], 2, "worker-a", T0, Minute, CancellationToken.None);
        var noRoom = store.TryClaimAsync(["key"], 0, "worker-a", T0, Minute, CancellationToken.None);
        var bothDone = noKeys.IsCompletedSuccessfully && noRoom.IsCompletedSuccessfully;
        mayFinish.SetResult();
        await write;

        Assert.True(bothDone, "A claim of nothing waited for the write lock.");
        Assert.Empty(await noKeys);
        Assert.Empty(await noRoom);
    }

    [Fact]
    public async Task TryAcquire_AfterReleaseAndReopeningTheFile_GetsAGreaterToken()
    {
        var first = _files.Open();
        var lease = await new SqliteWorkLeaseStore(first).TryAcquireAsync("key", "worker-a", T0, Minute, CancellationToken.None);
        Assert.NotNull(lease);
        await new SqliteWorkLeaseStore(first).ReleaseAsync(lease, CancellationToken.None);
        first.Dispose();

        var next = await new SqliteWorkLeaseStore(_files.Open()).TryAcquireAsync("key", "worker-a", T0, Minute, CancellationToken.None);

        Assert.NotNull(next);
        Assert.True(next.Token > lease.Token, $"Token {next.Token} after {lease.Token}, expected it to grow.");
    }

    [Fact]
    public async Task TryAcquire_KeysDifferingOnlyInCase_AreDifferentKeys()
    {
        var store = new SqliteWorkLeaseStore(_files.Open());

        Assert.NotNull(await store.TryAcquireAsync("Shop", "worker-a", T0, Minute, CancellationToken.None));
        Assert.NotNull(await store.TryAcquireAsync("shop", "worker-b", T0, Minute, CancellationToken.None));
    }

    public void Dispose() => _files.Dispose();
}
