using Connect.Sdk.Alerts;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite alert subscription store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteAlertSubscriptionStoreTests : AlertSubscriptionStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IAlertSubscriptionStore> CreateStoreAsync() =>
        ValueTask.FromResult<IAlertSubscriptionStore>(new SqliteAlertSubscriptionStore(_files.Open()));

    protected override ValueTask<IAlertSubscriptionStore> CreateSecondInstanceAsync(IAlertSubscriptionStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
