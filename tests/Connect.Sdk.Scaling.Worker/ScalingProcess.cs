using System.Globalization;
using System.Diagnostics;
using System.Text;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// A process of this program (<c>worker</c> or <c>marketplace</c>) started by the test or the measurement, with the
/// database in its environment. Standard input stays open: closing it is the graceful stop. Its output is kept for
/// the report of a failure.
/// </summary>
public sealed class ScalingProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ScalingProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>The name the starter gave it, e.g. the worker id.</summary>
    public string Name { get; }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What it wrote to standard output and standard error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts this program with a verb and <c>--name value</c> arguments.</summary>
    /// <param name="name">The name for reports.</param>
    /// <param name="database">The Npgsql connection string of the shared database.</param>
    /// <param name="verb">The verb.</param>
    /// <param name="arguments">The arguments after the verb.</param>
    /// <returns>The running process.</returns>
    public static ScalingProcess Start(string name, string database, string verb, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ScalingProcess).Assembly.Location);
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ScalingSettings.DatabaseVariable] = database;
        var process = new Process { StartInfo = start };
        var started = new ScalingProcess(process, name);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Kills the process with SIGKILL: no drain, no lease released, nothing flushed.</summary>
    /// <param name="cancellationToken">Cancels the wait for its end.</param>
    /// <returns>A task that completes once the process is gone.</returns>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>
    /// Freezes the process with SIGSTOP: it starts, ends and records nothing until resumed or killed, so what the database
    /// says of its runs stays true while it is read.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the signal to be sent.</param>
    /// <returns>A task that completes once the signal is sent.</returns>
    public Task PauseAsync(CancellationToken cancellationToken) => SignalAsync("-STOP", cancellationToken);

    /// <summary>Lets a process frozen by <see cref="PauseAsync"/> go on (SIGCONT).</summary>
    /// <param name="cancellationToken">Cancels the wait for the signal to be sent.</param>
    /// <returns>A task that completes once the signal is sent.</returns>
    public Task ResumeAsync(CancellationToken cancellationToken) => SignalAsync("-CONT", cancellationToken);

    private async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        var pid = _process.Id.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, pid } })
            ?? throw new InvalidOperationException($"kill {signal} {pid} did not start.");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {pid} ended with {kill.ExitCode}.");
        }
    }

    /// <summary>Closes its standard input, which makes it stop gracefully, and waits for its end.</summary>
    /// <param name="cancellationToken">Cancels the wait (a generous deadline, not a timing).</param>
    /// <returns>Its exit code.</returns>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Kills the process if it still runs.</summary>
    /// <returns>A task that completes when it is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It never started or is gone already.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
