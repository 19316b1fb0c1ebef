using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Storage.PostgreSql.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Storage.PostgreSql visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkStoragePostgreSql_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(typeof(PostgreSqlDatabase).Assembly, typeof(PublicApiTests), ["Microsoft.Extensions.DependencyInjection"]);
}
