using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Http.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Http visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkHttp_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(MarketplaceRequest).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
