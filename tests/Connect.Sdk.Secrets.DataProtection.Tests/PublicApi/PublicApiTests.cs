using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Secrets.DataProtection.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Secrets.DataProtection visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkSecretsDataProtection_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(DataProtectionSecretProtector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
