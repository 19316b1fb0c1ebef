using System.Text.RegularExpressions;

namespace Connect.Sdk.Parity.Tests.Node;

/// <summary>
/// The plumbing every parity test stands on: the clients install from the lockfile, a script's checks fail alone,
/// and its summary and exit code say so, so a failing client can never pass as green.
/// </summary>
public sealed class ParityRunnerTests
{
    [Fact]
    public async Task RunUnrecordedAsync_EveryCheckPasses_ExitsZeroAndCountsThem()
    {
        var run = await NodeClient.RunUnrecordedAsync("runner-selftest.mjs", new Dictionary<string, string> { ["PARITY_SELFTEST_FAIL"] = "-" }, CancellationToken.None);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("runner-selftest: 3 passed, 0 failed", run.Summary);
    }

    [Fact]
    public async Task RunUnrecordedAsync_OneCheckFails_TheOthersStillRunAndTheExitCodeIsOne()
    {
        var run = await NodeClient.RunUnrecordedAsync("runner-selftest.mjs", new Dictionary<string, string> { ["PARITY_SELFTEST_FAIL"] = "second" }, CancellationToken.None);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal((2, 1), (run.Passed, run.Failed));
        Assert.Contains("not ok - second", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok - third", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunUnrecordedAsync_SettingMissing_FailsNamingTheVariable()
    {
        var run = await NodeClient.RunUnrecordedAsync("runner-selftest.mjs", new Dictionary<string, string>(), CancellationToken.None);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Null(run.Summary);
        Assert.Contains("PARITY_SELFTEST_FAIL is not set", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientsList_NamesTheClientOfEveryScript_AndEveryListedClientHasOne()
    {
        var listed = File.ReadAllLines(Path.Combine(NodeClient.Folder, "clients.txt")).Where(line => line.Length > 0).ToList();
        var scripts = Directory.GetFiles(NodeClient.Folder, "*.mjs").Where(path => !path.EndsWith("runner-selftest.mjs", StringComparison.Ordinal));

        // `.ci/run` fails when a listed client has no summary line: the list must be the clients the scripts run.
        var run = scripts.Select(path => Regex.Match(File.ReadAllText(path), @"await run\('(?<client>\S+) ").Groups["client"].Value).Order(StringComparer.Ordinal);
        Assert.Equal(listed.Order(StringComparer.Ordinal), run);
    }

    [Fact]
    public void Lockfile_RecordsNoDownloadAddresses_SoItInstallsFromWhicheverRegistryTheMachineUses()
    {
        var lockfile = File.ReadAllText(Path.Combine(NodeClient.Folder, "package-lock.json"));

        Assert.DoesNotContain("\"resolved\"", lockfile, StringComparison.Ordinal);
        Assert.Contains("\"node_modules/amazon-sp-api\"", lockfile, StringComparison.Ordinal);
        Assert.Contains("\"node_modules/@woocommerce/woocommerce-rest-api\"", lockfile, StringComparison.Ordinal);
        Assert.Contains("\"node_modules/@shopify/admin-api-client\"", lockfile, StringComparison.Ordinal);
    }
}
