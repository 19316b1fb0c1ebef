using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Samples.Tests.ErpHost;

/// <summary>
/// Two runs of the main-job sample over every marketplace, made once for the tests of a class: one to its end, and one
/// that crashes on purpose right after the ERP booked the run's last order, while the host has the store open, so its
/// WAL and shared-memory file are left beside it as while a host runs.
/// </summary>
public sealed class ErpHostFinishedStore : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-erphost-secrets", Guid.NewGuid().ToString("N"));

    /// <summary>The run to its end.</summary>
    public ErpHostStoreAsLeft Finished { get; private set; } = null!;

    /// <summary>The run that crashed after its last booking.</summary>
    public ErpHostStoreAsLeft Crashed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Finished = await ErpHostStoreAsLeft.RunAsync(Path.Combine(_folder, "finished"));
        Crashed = await ErpHostStoreAsLeft.RunAsync(Path.Combine(_folder, "crashed"), crashAfterBooking: ErpHostStoreAsLeft.Bookings);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
