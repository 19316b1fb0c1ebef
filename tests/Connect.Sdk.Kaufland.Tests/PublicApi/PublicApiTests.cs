using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Kaufland.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Kaufland visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkKaufland_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(KauflandConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
