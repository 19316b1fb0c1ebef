using Connect.Sdk.Testing.Faults;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Testing.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Testing visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkTesting_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(typeof(FaultPlan).Assembly, typeof(PublicApiTests));
}
