using Connect.Sdk.Connectors;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdk_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(typeof(IConnector).Assembly, typeof(PublicApiTests));
}
