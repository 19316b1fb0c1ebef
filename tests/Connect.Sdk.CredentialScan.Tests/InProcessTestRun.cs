using System.Collections.Concurrent;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Connect.Sdk.CredentialScan.Tests;

/// <summary>
/// Runs every test of a test assembly in this process with xUnit's own framework, so that the assembly's statics (its
/// <c>AdapterTestLog</c>) hold the whole run's record afterwards. Discovery, theories, fixtures and lifetimes behave as
/// under <c>dotnet test</c>.
/// </summary>
internal sealed class InProcessTestRun : LongLivedMarshalByRefObject, IMessageSink
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<ITest, byte> _running = new();
    private volatile bool _abandoned;
    private int _passed;
    private int _skipped;

    private InProcessTestRun()
    {
    }

    /// <summary>How many tests passed.</summary>
    public int Passed => _passed;

    /// <summary>How many tests were skipped.</summary>
    public int Skipped => _skipped;

    /// <summary>Each failed test with its first message line.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    /// <summary>Runs all tests of the assembly and waits until the last one has finished.</summary>
    /// <param name="assembly">The test assembly, loaded.</param>
    /// <param name="deadline">
    /// How long the whole run may take. A test that never ends would otherwise hold the scan, and with it the whole
    /// <c>dotnet test</c> run, until CI's own limit ends it without a word about which test hung.
    /// </param>
    /// <returns>The outcome.</returns>
    /// <exception cref="TimeoutException">The run did not end within <paramref name="deadline"/>; the message names the tests still running.</exception>
    public static async Task<InProcessTestRun> RunAsync(Assembly assembly, TimeSpan deadline)
    {
        var run = new InProcessTestRun();
        using var framework = new XunitTestFramework(new NullMessageSink());
        using var executor = framework.GetExecutor(assembly.GetName());
        // One test at a time: the scan runs while other test projects load the machine, and the adapters' fake-time
        // drivers are built for a test that has its thread pool to itself.
        var execution = new FrameworkOptions();
        execution.SetValue("xunit.execution.DisableParallelization", (bool?)true);
        executor.RunAll(run, new FrameworkOptions(), execution);
        try
        {
            await run._finished.Task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            // Returning false from OnMessage from now on asks xUnit to stop the run.
            run._abandoned = true;
            var running = string.Join(", ", run._running.Keys.Select(test => test.DisplayName));
            throw new TimeoutException(
                $"{assembly.GetName().Name}: the in-process run did not end within {deadline}; {run._passed} tests passed, still running: {(running.Length == 0 ? "none (xUnit never reported the end of the assembly)" : running)}.");
        }

        return run;
    }

    /// <inheritdoc />
    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestStarting starting:
                _running.TryAdd(starting.Test, 0);
                break;
            case ITestFinished finished:
                _running.TryRemove(finished.Test, out _);
                break;
            case ITestPassed:
                Interlocked.Increment(ref _passed);
                break;
            case ITestSkipped:
                Interlocked.Increment(ref _skipped);
                break;
            case ITestFailed failed:
                var reason = failed.Messages.FirstOrDefault()?.Split('\n')[0] ?? "no message";
                _failures.Enqueue($"{failed.Test.DisplayName}: {reason}");
                break;
            case ITestAssemblyFinished:
                _finished.TrySetResult();
                break;
        }

        return !_abandoned;
    }

    /// <summary>Discovery and execution options: xUnit's defaults for every setting not given.</summary>
    private sealed class FrameworkOptions : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

        public TValue GetValue<TValue>(string name) =>
            _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }
}
