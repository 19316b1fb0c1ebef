using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Sync;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>
/// Claims on PostgreSQL skip the lease rows another claimer has locked instead of waiting for its transaction, and several
/// workers claiming the same keys at once never get one twice.
/// </summary>
public sealed class PostgreSqlWorkLeaseClaimTests(PostgreSqlServer server) : IAsyncDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private static readonly Duration FiveMinutes = Duration.FromMinutes(5);
    private readonly PostgreSqlTestDatabases _databases = new(server);

    [Fact]
    public async Task TryClaim_KeysInAnotherClaimersOpenTransaction_AreSkippedWithoutWaitingAndNotHandedOutTwice()
    {
        string[] keys = ["connection:a", "connection:b", "connection:c", "connection:d"];
        var rival = await _databases.OpenAsync();
        var store = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync());
        await LeaseAndReleaseAsync(store, keys);
        var rivalHoldsLocks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rivalMayCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Another worker in the middle of its claim of a and b: the rows are taken in its transaction, not committed yet.
        var rivalClaim = rival.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(
                    $"UPDATE work_leases SET last_token = last_token + 1, owner = 'worker-b', expires_at = {(T0 + FiveMinutes).ToUnixTimeTicks()} WHERE lease_key IN ('connection:a', 'connection:b');",
                    db,
                    transaction);
                await command.ExecuteNonQueryAsync(ct);
                rivalHoldsLocks.SetResult();
                await rivalMayCommit.Task;
                return 0;
            },
            CancellationToken.None).AsTask();
        await rivalHoldsLocks.Task;

        // The claim returns while the rival's transaction is still open: it skipped a and b instead of waiting. The timeout
        // only guards against a hang (a claim that waits would wait for ever here), it is not a timing.
        var claimed = await store.TryClaimAsync(keys, 4, "worker-a", T0, FiveMinutes, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        rivalMayCommit.SetResult();
        await rivalClaim;

        Assert.False(rivalClaim.IsFaulted);
        Assert.Equal(["connection:c", "connection:d"], claimed.Select(lease => lease.Key));
        Assert.Empty(await store.TryClaimAsync(keys, 4, "worker-c", T0 + Duration.FromMinutes(1), FiveMinutes, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_FourWorkersRacingOverTheSameKeys_HandOutEveryKeyOnce()
    {
        var stores = new List<PostgreSqlWorkLeaseStore>();
        for (var worker = 0; worker < 4; worker++)
        {
            stores.Add(new PostgreSqlWorkLeaseStore(await _databases.OpenAsync()));
        }

        for (var round = 0; round < 20; round++)
        {
            // Twenty connections, half of them leased before; four workers with eight slots each claim at once.
            string[] keys = [.. Enumerable.Range(0, 20).Select(k => $"connection:{round}-{k}")];
            await LeaseAndReleaseAsync(stores[0], [.. keys.Where((_, position) => position % 2 == 1)]);

            var claims = await Task.WhenAll(stores.Select((store, worker) => Task.Run(async () =>
                await store.TryClaimAsync(keys, 8, $"worker-{worker}", T0, FiveMinutes, CancellationToken.None))));

            var claimedKeys = claims.SelectMany(claimed => claimed.Select(lease => lease.Key)).ToList();
            Assert.True(claimedKeys.Count == claimedKeys.Distinct().Count(), $"Round {round}: a key went to two workers.");
            Assert.Equal(keys.Order(), claimedKeys.Order());
            Assert.All(claims, claimed => Assert.InRange(claimed.Count, 0, 8));
        }
    }

    [Fact]
    public async Task TryClaim_FailsPartOfTheWay_LeavesNoLeaseBehind()
    {
        var database = await _databases.OpenAsync();
        var store = new PostgreSqlWorkLeaseStore(database);
        await LeaseAndReleaseAsync(store, ["connection:leased-before"]);

        // The row of a key never leased before cannot be added: the claim breaks off with the database's error.
        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    CREATE FUNCTION refuse_broken_key() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.lease_key = 'connection:broken' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
                    CREATE TRIGGER refuse_broken_key BEFORE INSERT ON work_leases FOR EACH ROW EXECUTE FUNCTION refuse_broken_key();
                    """,
                    db,
                    transaction);
                return await command.ExecuteNonQueryAsync(ct);
            },
            CancellationToken.None);

        await Assert.ThrowsAsync<PostgresException>(async () => await store.TryClaimAsync(["connection:leased-before", "connection:broken"], 2, "worker-a", T0, FiveMinutes, CancellationToken.None));

        Assert.NotNull(await store.TryAcquireAsync("connection:leased-before", "worker-a", T0, FiveMinutes, CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    private static async Task LeaseAndReleaseAsync(PostgreSqlWorkLeaseStore store, string[] keys)
    {
        foreach (var key in keys)
        {
            var lease = await store.TryAcquireAsync(key, "worker-0", T0, Duration.FromMinutes(1), CancellationToken.None);
            Assert.NotNull(lease);
            await store.ReleaseAsync(lease, CancellationToken.None);
        }
    }
}
