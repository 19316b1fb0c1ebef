using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Otto.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Otto visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkOtto_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(OttoConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
