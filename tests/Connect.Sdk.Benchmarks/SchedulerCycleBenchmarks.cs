using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// One full cycle of the hosted scheduler: every connection's order import due at once, run to the end, at 1,000 and at
/// 10,000 connections (the smaller is the baseline: linear means the larger costs at most about ten times as much).
/// BenchmarkDotNet times the cycle; the process CPU it took, the plans the scheduler read and the idle cost afterwards are
/// written to the log (lines starting with "// cycle"), because CPU is what grows with the square when planning does.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class SchedulerCycleBenchmarks
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(30);
    private readonly List<string> _report = [];
    private SchedulerWorld? _world;
    private MeterListener? _plans;
    private long _planCount;

    [Params(1_000, 10_000)]
    public int Connections { get; set; }

    [GlobalSetup]
    public void ListenToPlans()
    {
        _plans = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "connect_sdk.hosting.plans")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _plans.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _planCount, value));
        _plans.Start();
    }

    [IterationSetup(Target = nameof(FullCycle))]
    public void CreateConnections() => _world = SchedulerWorld.CreateAsync(Connections).GetAwaiter().GetResult();

    [Benchmark(Description = "full cycle, every connection due")]
    public async Task FullCycle()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var plans = Interlocked.Read(ref _planCount);
        var wall = Stopwatch.StartNew();
        await _world!.RunCycleAsync(Connections);
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        _report.Add($"// cycle {Connections} connections: {used.TotalSeconds:F2} s CPU in {wall.Elapsed.TotalSeconds:F2} s, {Interlocked.Read(ref _planCount) - plans} plans");
    }

    [IterationCleanup(Target = nameof(FullCycle))]
    public void DropConnections() => _world!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Idle))]
    public void CreateConnectionsAndRunTheirCycle()
    {
        _world = SchedulerWorld.CreateAsync(Connections).GetAwaiter().GetResult();
        _world.StartCycleAsync(Connections).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "30 s idle after the cycle")]
    public async Task Idle()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var plans = Interlocked.Read(ref _planCount);
        await Task.Delay(IdleWindow);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        _report.Add($"// cycle {Connections} connections idle: {used.TotalMilliseconds / IdleWindow.TotalMilliseconds:P2} of a core, {Interlocked.Read(ref _planCount) - plans} plans in {IdleWindow.TotalSeconds:F0} s");
    }

    [IterationCleanup(Target = nameof(Idle))]
    public void DropIdleConnections()
    {
        _world!.Host.StopAsync().GetAwaiter().GetResult();
        _world.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Report()
    {
        _plans?.Dispose();
        foreach (var line in _report)
        {
            Console.WriteLine(line);
        }
    }
}
