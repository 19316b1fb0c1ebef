using System.Collections.Concurrent;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>Records every result it is told about, as a host's progress display would count them.</summary>
internal sealed class CountingObserver : IWorkRunObserver
{
    private readonly ConcurrentQueue<WorkRunResult> _results = new();

    public IReadOnlyCollection<WorkRunResult> Results => _results;

    public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
    {
        _results.Enqueue(result);
        return ValueTask.CompletedTask;
    }
}
