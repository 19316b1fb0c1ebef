using System.Diagnostics;
using System.Text;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Parity.Tests.Node;

/// <summary>
/// Runs a parity script of <c>tests/parity</c> with Node.js: the marketplaces' published clients, installed from
/// the committed lockfile with <c>npm ci</c> the first time a script needs them.
/// </summary>
internal static class NodeClient
{
    // Not a timing assertion: a guard against a script that hangs (a client retrying for ever); a check takes
    // milliseconds, a whole script seconds even on a loaded machine.
    private static readonly TimeSpan HangsAfter = TimeSpan.FromMinutes(5);

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    // Parity tests may run in parallel; their summary lines must not interleave in the file.
    private static readonly SemaphoreSlim SummaryGate = new(1, 1);
    private static bool _installed;

    /// <summary>The npm project of the parity suite.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryFiles.Root, "tests", "parity");

    /// <summary>Where each run's summary line is collected, for <c>.ci/run</c> to print after the tests.</summary>
    public static string SummaryFile { get; } = Path.Combine(RepositoryFiles.Root, "TestResults", "parity-summary.txt");

    /// <summary>Runs <paramref name="script"/> with <paramref name="environment"/> added to this process's.</summary>
    /// <param name="script">The script, relative to <c>tests/parity</c>.</param>
    /// <param name="environment">Settings for the script, e.g. the fake's address.</param>
    /// <param name="cancellationToken">Stops the script.</param>
    /// <returns>What it printed and its exit code.</returns>
    public static async Task<NodeRun> RunAsync(string script, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var run = await RunUnrecordedAsync(script, environment, cancellationToken);
        await RecordSummaryAsync(run, cancellationToken);
        return run;
    }

    /// <summary>Runs a script as <see cref="RunAsync"/> does, but keeps its summary out of <see cref="SummaryFile"/>: for the runner's own tests.</summary>
    /// <param name="script">The script, relative to <c>tests/parity</c>.</param>
    /// <param name="environment">Settings for the script.</param>
    /// <param name="cancellationToken">Stops the script.</param>
    /// <returns>What it printed and its exit code.</returns>
    public static async Task<NodeRun> RunUnrecordedAsync(string script, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (exitCode, output) = await RunProcessAsync(start, cancellationToken);
        return new NodeRun(script, exitCode, output);
    }

    /// <summary>
    /// Installs the clients from the lockfile unless an install of this very lockfile is in place: <c>.ci/run</c>
    /// installs them before the tests, a plain <c>dotnet test</c> on a fresh clone here.
    /// </summary>
    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (_installed || IsInstalled())
            {
                _installed = true;
                return;
            }

            var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm") { WorkingDirectory = Folder };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                start.ArgumentList.Add(argument);
            }

            var (exitCode, output) = await RunProcessAsync(start, cancellationToken);
            Assert.True(exitCode == 0, $"npm ci in {Folder} failed with exit code {exitCode}:\n{output}");
            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    // npm ci leaves a copy of the lockfile it installed in node_modules; an install from an older lockfile is redone.
    private static bool IsInstalled()
    {
        var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
        return File.Exists(installed)
            && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json"));
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = StartOrExplain(start);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hang.CancelAfter(HangsAfter);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not end within {HangsAfter}.");
        }

        var output = new StringBuilder(await stdout);
        var errors = await stderr;
        if (errors.Length > 0)
        {
            output.AppendLine().Append(errors);
        }

        return (process.ExitCode, output.ToString());
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The parity suite needs Node.js 20 or later and npm on the PATH; '{start.FileName}' could not be started.", exception);
        }
    }

    private static async Task RecordSummaryAsync(NodeRun run, CancellationToken cancellationToken)
    {
        if (run.Summary is not { } summary)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
        await SummaryGate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(SummaryFile, $"{summary}{Environment.NewLine}", cancellationToken);
        }
        finally
        {
            SummaryGate.Release();
        }
    }
}
