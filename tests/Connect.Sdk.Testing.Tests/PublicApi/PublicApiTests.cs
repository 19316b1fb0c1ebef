using System.Runtime.CompilerServices;
using Connect.Sdk.Testing.Faults;
using PublicApiGenerator;
using Snapshooter.Xunit;

namespace Connect.Sdk.Testing.Tests.PublicApi;

/// <summary>
/// Makes every change to the public API of Connect.Sdk.Testing visible in review: the API is rendered as C# and
/// compared with the approved snapshot in <c>__snapshots__</c>. After an intended change, delete the
/// snapshot file and run the test once to approve the new API, then commit the file with the change.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkTesting_PublicApi_MatchesApprovedSnapshot()
    {
        var api = typeof(FaultPlan).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",

                // Compiler-generated state machine names change with unrelated edits; they are not API.
                "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
                "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
            ],
        });

        AssertSnapshotIsCommittedOnCi(nameof(ConnectSdkTesting_PublicApi_MatchesApprovedSnapshot));
        Snapshot.Match(api);
    }

    // Snapshooter approves a missing snapshot silently; on CI that would let an unreviewed API through.
    private static void AssertSnapshotIsCommittedOnCi(string testName, [CallerFilePath] string testFile = "")
    {
        var snapshot = Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__", $"{nameof(PublicApiTests)}.{testName}.snap");
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(File.Exists(snapshot), $"The approved API snapshot {snapshot} is missing: run the test locally and commit the file.");
        }
    }
}
