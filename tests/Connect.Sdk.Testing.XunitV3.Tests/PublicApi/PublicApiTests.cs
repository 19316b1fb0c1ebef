using Connect.Sdk.TestSupport;
using Xunit;
using ConformanceTestsV3 = Connect.Sdk.Testing.XunitV3.ConnectorConformanceTests;

namespace Connect.Sdk.Testing.XunitV3.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Testing.XunitV3 visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkTestingXunitV3_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(typeof(ConformanceTestsV3).Assembly, typeof(PublicApiTests));
}
