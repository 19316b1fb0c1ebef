using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Storage.Sqlite.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Storage.Sqlite visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkStorageSqlite_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(typeof(SqliteDatabase).Assembly, typeof(PublicApiTests));
}
