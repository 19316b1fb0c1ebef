using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Sync;

/// <summary>A runner that records its runs, can be held open, and counts how many run at once per connection.</summary>
internal sealed class ProbeRunner(WorkKind kind, InFlightCounter? inFlight = null) : IWorkRunner
{
    private readonly Lock _gate = new();
    private readonly InFlightCounter _inFlight = inFlight ?? new InFlightCounter();

    public WorkKind Kind { get; } = kind;

    public List<WorkItem> Runs { get; } = [];

    /// <summary>When set, every run waits for this task before it finishes.</summary>
    public Task? Hold { get; set; }

    /// <summary>Completes when a run has started (and is possibly waiting on <see cref="Hold"/>).</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Runs.Add(run.Item);
        }

        _inFlight.Enter(run.Item.Connection);

        Started.TrySetResult();
        try
        {
            if (Hold is { } hold)
            {
                await hold.WaitAsync(cancellationToken);
            }

            // Not a wait: the run goes asynchronous, as a real one does, so two runs the lease let through would overlap.
            await Task.Yield();
            return new WorkRunSummary(1, 0, 0, 0);
        }
        finally
        {
            _inFlight.Leave(run.Item.Connection);
        }
    }
}

/// <summary>Counts runs in flight per connection, possibly across several engines, and remembers the highest count.</summary>
internal sealed class InFlightCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ConnectionId, int> _running = [];

    public int Max { get; private set; }

    public void Enter(ConnectionId connection)
    {
        lock (_gate)
        {
            var running = _running.GetValueOrDefault(connection) + 1;
            _running[connection] = running;
            Max = Math.Max(Max, running);
        }
    }

    public void Leave(ConnectionId connection)
    {
        lock (_gate)
        {
            _running[connection]--;
        }
    }
}
