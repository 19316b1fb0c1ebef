using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// One plan of the hosted scheduler (every connection's schedules read and judged, with the poll interval's look-ahead) on
/// a SQLite file, at 1,000 and 10,000 connections: what the scheduler spends once per poll interval, busy or idle.
/// </summary>
[MemoryDiagnoser]
public class SchedulerPlanBenchmarks
{
    private SchedulerWorld? _world;

    [Params(1_000, 10_000)]
    public int Connections { get; set; }

    [GlobalSetup]
    public void CreateConnections() => _world = SchedulerWorld.CreateAsync(Connections).GetAwaiter().GetResult();

    [Benchmark(Description = "one plan")]
    public async Task<int> Plan() => (await _world!.Engine.GetDueWorkAsync(Duration.FromSeconds(10), CancellationToken.None)).Due.Count;

    [GlobalCleanup]
    public void DropConnections() => _world!.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
