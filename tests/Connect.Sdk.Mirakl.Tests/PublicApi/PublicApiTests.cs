using Connect.Sdk.Mirakl;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Mirakl.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Mirakl visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkMirakl_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(MiraklConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
