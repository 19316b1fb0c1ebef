using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Time;

/// <summary>
/// Due work is judged by the database server's clock, like the leases: UsePostgreSql sets the SDK's clock to the server's
/// (the local clock plus a measured offset), unless the host chose a clock or the options say Caller.
/// </summary>
public sealed class DatabaseServerClockTests(PostgreSqlServer server) : IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    [Fact]
    public async Task Synchronize_LocalClockAnHourAhead_TellsTheServersTimeAndFollowsTheLocalClocksPace()
    {
        var database = await _databases.OpenAsync();
        var serverNow = SystemClock.Instance.GetCurrentInstant();
        var local = new FakeClock(serverNow + Duration.FromHours(1));
        var clock = new DatabaseServerClock(database, local);

        await clock.SynchronizeAsync(CancellationToken.None);
        local.Advance(Duration.FromMinutes(5));

        // The server runs on this machine's clock: a worker an hour ahead is set back to it, give or take the test's own run.
        var expected = serverNow + Duration.FromMinutes(5);
        Assert.InRange(clock.GetCurrentInstant(), expected - Duration.FromMinutes(1), expected + Duration.FromMinutes(1));
        Assert.InRange(clock.Offset, Duration.FromMinutes(-61), Duration.FromMinutes(-59));
    }

    [Theory]
    [InlineData(PostgreSqlClock.Database, -60)]
    [InlineData(PostgreSqlClock.Caller, 0)]
    public async Task HostStart_MeasuresTheOffsetBeforeTheSchedulerPlans_OnlyWhenLeasesGoByTheDatabase(PostgreSqlClock leases, int expectedMinutes)
    {
        var local = new FakeClock(SystemClock.Instance.GetCurrentInstant() + Duration.FromHours(1));
        var clock = new DatabaseServerClock(await _databases.OpenAsync(), local);
        using var synchronization = new DatabaseClockSynchronization(
            clock, Options.Create(new PostgreSqlStoreOptions { Clock = leases }), TimeProvider.System, NullLogger<DatabaseClockSynchronization>.Instance);

        await synchronization.StartAsync(CancellationToken.None);
        await synchronization.StopAsync(CancellationToken.None);

        Assert.InRange(clock.Offset, Duration.FromMinutes(expectedMinutes - 1), Duration.FromMinutes(expectedMinutes + 1));
    }

    [Fact]
    public async Task UsePostgreSql_Default_TheSdksClockIsTheDatabaseServersClock()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(await _databases.ConnectionStringAsync());
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<DatabaseServerClock>(provider.GetRequiredService<IClock>());
    }

    [Fact]
    public async Task UsePostgreSql_CallerClock_TheSdksClockStaysTheLocalOne()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(await _databases.ConnectionStringAsync(), o => o.Clock = PostgreSqlClock.Caller);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UsePostgreSql_HostsOwnClock_BeforeOrAfter_IsKept(bool clockFirst)
    {
        var connectionString = await _databases.ConnectionStringAsync();
        var hostsClock = new FakeClock(Instant.FromUtc(2026, 12, 6, 8, 0));
        var services = new ServiceCollection();
        var sdk = services.AddConnectSdk();
        if (clockFirst)
        {
            sdk.UseClock(hostsClock).UsePostgreSql(connectionString);
        }
        else
        {
            sdk.UsePostgreSql(connectionString).UseClock(hostsClock);
        }

        await using var provider = services.BuildServiceProvider();

        Assert.Same(hostsClock, provider.GetRequiredService<IClock>());
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
