using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PublicApiGenerator;
#if XUNIT_V3
using Snapshooter.Xunit3;
#else
using Snapshooter.Xunit;
#endif
using Xunit;

namespace Connect.Sdk.TestSupport;

/// <summary>
/// Renders a package's public API as C# and compares it with the approved snapshot in the test's
/// <c>__snapshots__</c> folder. After an intended change, delete the snapshot file and run the test once to
/// approve the new API, then commit the file with the change. Linked into every package's test project.
/// </summary>
internal static partial class PublicApiApproval
{
    public static void AssertMatchesApprovedSnapshot(
        Assembly package,
        Type testClass,
        [CallerMemberName] string testName = "",
        [CallerFilePath] string testFile = "") =>
        AssertMatchesApprovedSnapshot(package, testClass, [], testName, testFile);

    /// <param name="package">The package's assembly.</param>
    /// <param name="testClass">The test class, which names the snapshot file.</param>
    /// <param name="allowNamespacePrefixes">
    /// Microsoft namespaces whose types count as the package's API (the generator leaves Microsoft.* out by default),
    /// e.g. <c>Microsoft.Extensions.DependencyInjection</c> for a package's <c>Add*</c> extension methods.
    /// </param>
    /// <param name="testName">The test, which names the snapshot file.</param>
    /// <param name="testFile">The test's source file, beside which the snapshot lives.</param>
    public static void AssertMatchesApprovedSnapshot(
        Assembly package,
        Type testClass,
        string[] allowNamespacePrefixes,
        [CallerMemberName] string testName = "",
        [CallerFilePath] string testFile = "")
    {
        var api = package.GeneratePublicApi(new ApiGeneratorOptions
        {
            AllowNamespacePrefixes = allowNamespacePrefixes,
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

        // xUnit v3's test attributes take the caller's file and line: where the repository is checked out, not API.
        api = CallerInfo().Replace(api, "[$1]");

        // Snapshooter approves a missing snapshot silently; on CI that would let an unreviewed API through.
        var snapshot = Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__", $"{testClass.Name}.{testName}.snap");
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(File.Exists(snapshot), $"The approved API snapshot {snapshot} is missing: run the test locally and commit the file.");
        }

        Snapshot.Match(api);
    }

    // The generator splits a long path into concatenated pieces ("…Tests.c" + "s"), so how it looks depends on the checkout's path.
    [GeneratedRegex(@"\[(Xunit\.(?:Fact|Theory))\(""(?:[^""]*""\s*\+\s*"")*[^""]*"", \d+\)\]")]
    private static partial Regex CallerInfo();
}
