using Connect.Sdk.RateLimits;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>A process that dies with units in flight gives them back through the SQLite file once its lease has run out.</summary>
public sealed class SqliteProcessCrashTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public Task WaitToSendAsync_AProcessDiesWithUnitsInFlightWhileTheOtherKeepsTheAccountBusy_TheyComeBackAfterItsLease() =>
        ProcessCrashScenario.RunAndCheckAsync(() => Task.FromResult<IRateBudgetStore>(new SqliteRateBudgetStore(_files.Open())));
}
