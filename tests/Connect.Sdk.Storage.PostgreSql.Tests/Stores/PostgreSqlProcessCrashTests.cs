using Connect.Sdk.RateLimits;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>A process that dies with units in flight gives them back through the database once its lease has run out.</summary>
public sealed class PostgreSqlProcessCrashTests(PostgreSqlServer server) : IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    [Fact]
    public Task WaitToSendAsync_AProcessDiesWithUnitsInFlightWhileTheOtherKeepsTheAccountBusy_TheyComeBackAfterItsLease() =>
        ProcessCrashScenario.RunAndCheckAsync(async () => new PostgreSqlRateBudgetStore(await _databases.OpenAsync()));
}
