using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>
/// By default leases are judged by the database server's clock, not by the instants the workers pass: a worker whose
/// clock is wrong can neither take a lease another still holds nor get a lease that lapsed before it began.
/// </summary>
public sealed class PostgreSqlDatabaseClockTests(PostgreSqlServer server) : IAsyncDisposable
{
    private const string Key = "clock-shop";
    private static readonly Duration FiveMinutes = Duration.FromMinutes(5);

    // Far in the past by the database's clock: the kit's kind of instant, which the default ignores.
    private static readonly Instant WorkerNow = Instant.FromUtc(2020, 1, 1, 8, 0);

    private readonly PostgreSqlTestDatabases _databases = new(server);

    [Fact]
    public async Task TryAcquire_DefaultClock_LeaseRunsFromTheDatabasesNow()
    {
        var store = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync(PostgreSqlClock.Database));
        var before = await DatabaseNowAsync();

        var lease = await store.TryAcquireAsync(Key, "worker-a", WorkerNow, FiveMinutes, CancellationToken.None);

        var after = await DatabaseNowAsync();
        Assert.NotNull(lease);
        Assert.InRange(lease.ExpiresAt, before + FiveMinutes, after + FiveMinutes);
    }

    [Fact]
    public async Task TryAcquire_DefaultClockAndAWorkerWhoseClockRunsAhead_IsRefusedWhileTheLeaseHolds()
    {
        var store = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync(PostgreSqlClock.Database));
        var other = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync(PostgreSqlClock.Database));
        Assert.NotNull(await store.TryAcquireAsync(Key, "worker-a", WorkerNow, FiveMinutes, CancellationToken.None));

        // Worker b's clock says the lease lapsed an hour ago; the database says it holds for five more minutes.
        var taken = await other.TryAcquireAsync(Key, "worker-b", WorkerNow + Duration.FromHours(1), FiveMinutes, CancellationToken.None);

        Assert.Null(taken);
    }

    [Fact]
    public async Task TryRenew_DefaultClock_ExtendsFromTheDatabasesNow()
    {
        var store = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync(PostgreSqlClock.Database));
        var lease = await store.TryAcquireAsync(Key, "worker-a", WorkerNow, FiveMinutes, CancellationToken.None);
        Assert.NotNull(lease);
        var before = await DatabaseNowAsync();

        var renewed = await store.TryRenewAsync(lease, WorkerNow, Duration.FromMinutes(30), CancellationToken.None);

        Assert.NotNull(renewed);
        Assert.True(renewed.ExpiresAt >= before + Duration.FromMinutes(30), $"Renewed until {renewed.ExpiresAt}, expected 30 minutes from the database's {before}.");
    }

    [Fact]
    public void Options_ByDefault_UseTheDatabasesClock() =>
        Assert.Equal(PostgreSqlClock.Database, new PostgreSqlStoreOptions().Clock);

    [Fact]
    public async Task TryClaim_DefaultClockAndAWorkerWhoseClockRunsAhead_SkipsTheLeaseTheDatabaseSaysHolds()
    {
        var store = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync(PostgreSqlClock.Database));
        var other = new PostgreSqlWorkLeaseStore(await _databases.OpenAsync(PostgreSqlClock.Database));
        Assert.NotNull(await store.TryAcquireAsync(Key, "worker-a", WorkerNow, FiveMinutes, CancellationToken.None));
        var before = await DatabaseNowAsync();

        // Worker b's clock says a's lease lapsed an hour ago; the database says it holds for five more minutes.
        var claimed = await other.TryClaimAsync([Key, Key + "-2"], 2, "worker-b", WorkerNow + Duration.FromHours(1), FiveMinutes, CancellationToken.None);

        var lease = Assert.Single(claimed);
        Assert.Equal(Key + "-2", lease.Key);
        Assert.True(lease.ExpiresAt >= before + FiveMinutes, $"Claimed until {lease.ExpiresAt}, expected five minutes from the database's {before}.");
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    private async Task<Instant> DatabaseNowAsync()
    {
        var database = await _databases.OpenAsync();
        return await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = new NpgsqlCommand($"SELECT {PostgreSqlCommands.DatabaseNowTicks};", db, snapshot);
                return Instant.FromUnixTimeTicks((long)(await command.ExecuteScalarAsync(ct))!);
            },
            CancellationToken.None);
    }
}
