using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Hosting.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Hosting visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkHosting_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(HostedSchedulerOptions).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
