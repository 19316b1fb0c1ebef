using System.Diagnostics;
using System.Reflection;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Samples.Tests;

/// <summary>
/// Starts a sample (ErpHost, ClassicMigration) as a child process, the way a user runs it, and reads its output line by line.
/// A test can kill it the moment a line shows it is in the middle of its work — no timing guesses.
/// </summary>
internal static class SampleProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>A sample's entry assembly, built by the project reference in this test project's configuration.</summary>
    private static string EntryAssembly(string sample)
    {
        var configuration = typeof(SampleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryFiles.Root, "samples", sample, "bin", configuration, "net10.0", $"{sample}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The {sample} sample is not built at {path}.", path);
    }

    /// <summary>Runs the sample to its end, or kills it (with its child processes) at the first line <paramref name="killAt"/> picks.</summary>
    public static async Task<SampleRun> RunAsync(string sample, IReadOnlyList<string> arguments, Func<string, bool>? killAt = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(sample, arguments, environment)) ?? throw new InvalidOperationException($"The {sample} sample did not start.");
        using var timeout = new CancellationTokenSource(Patience);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var lines = new List<string>();
        var killed = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (!killed && killAt?.Invoke(line) == true)
                {
                    process.Kill(entireProcessTree: true);
                    killed = true;
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{sample} {string.Join(' ', arguments)} ran longer than {Patience}. Output so far:\n{string.Join('\n', lines)}");
        }

        return new SampleRun(process.ExitCode, killed, lines, await errors);
    }

    /// <summary>
    /// Runs the sample to its end while another instance works on the same arguments: the other is started first, is
    /// at work once it prints its first line, and is killed when this run has ended.
    /// </summary>
    public static async Task<SampleRun> RunBesideAnotherAsync(string sample, IReadOnlyList<string> arguments)
    {
        using var other = Process.Start(StartInfo(sample, arguments, null)) ?? throw new InvalidOperationException($"The first {sample} sample did not start.");
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            _ = other.StandardError.ReadToEndAsync(timeout.Token);
            Assert.NotNull(await other.StandardOutput.ReadLineAsync(timeout.Token));
            return await RunAsync(sample, arguments);
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            await other.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static ProcessStartInfo StartInfo(string sample, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(EntryAssembly(sample));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
