using Connect.Sdk.Alerts;
using Connect.Sdk.Sync;
using Connect.Sdk.TestSupport;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>
/// The engine as the scheduler sees it, scripted by the test: the due list, planning failures, runs held open until
/// released, and a record of every start with its time and how many runs were in flight.
/// </summary>
internal sealed class ScriptedWork(IClock clock) : IScheduledWork
{
    private readonly Lock _gate = new();
    private readonly List<WorkItem> _due = [];
    private readonly List<WorkItem> _upcoming = [];
    private readonly List<(WorkItem Item, Instant At, RunHold Hold)> _started = [];
    private readonly Dictionary<ConnectionId, int> _runningPerConnection = [];
    private int _running;
    private readonly HashSet<RunHold> _parkedHolds = [];
    private int _parked;
    private int _planCalls;
    private readonly List<(IReadOnlyList<WorkItem> Items, int Limit)> _claims = [];
    private int _alertDispatches;

    /// <summary>When set, runs wait for <see cref="RunHold.Release"/> (or cancellation) before they complete.</summary>
    public bool HoldRuns { get; set; }

    /// <summary>When set, called at the start of each run: may throw, or return the run's result instead of the default.</summary>
    public Func<WorkItem, WorkRunResult?>? OnRun { get; set; }

    /// <summary>When set, called with the 1-based number of each planning call: returns the exception to throw, if any.</summary>
    public Func<int, Exception?>? PlanFailure { get; set; }

    /// <summary>
    /// When set, awaited after each planning call (by its 1-based number) has read the due list and before the plan
    /// goes back to the scheduler: a plan that goes stale on its way.
    /// </summary>
    public Func<int, Task>? AfterPlanRead { get; set; }

    /// <summary>When set, awaited at the start of each run before it records its start: a run that is slow to begin.</summary>
    public Func<WorkItem, Task>? BeforeRecordingStart { get; set; }

    /// <summary>When set, thrown by every alert dispatch.</summary>
    public Exception? AlertFailure { get; set; }

    public Instant? NextDueAt { get; set; }

    public int Parked => Volatile.Read(ref _parked);

    /// <summary>Pulsed whenever <see cref="Parked"/> changes.</summary>
    public ChangeSignal ParkedChanged { get; } = new();

    public int PlanCalls => Volatile.Read(ref _planCalls);

    public int AlertDispatches => Volatile.Read(ref _alertDispatches);

    public int MaxRunning { get; private set; }

    public int MaxRunningPerConnection { get; private set; }

    public IReadOnlyList<(WorkItem Item, Instant At, RunHold Hold)> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public void AddDue(params WorkItem[] items)
    {
        lock (_gate)
        {
            _due.AddRange(items);
        }
    }

    /// <summary>Adds work not due yet, listed as upcoming by every plan until it runs (its due time is the item's).</summary>
    public void AddUpcoming(params WorkItem[] items)
    {
        lock (_gate)
        {
            _upcoming.AddRange(items);
        }
    }

    /// <summary>Takes one item off the due list, as when another worker ran it.</summary>
    public void Remove(WorkItem item)
    {
        lock (_gate)
        {
            _due.Remove(item);
        }
    }

    /// <summary>Empties the due list, as when another worker ran everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _due.Clear();
        }
    }

    public RunHold HoldOf(WorkItem item) => Started.Single(s => s.Item == item).Hold;

    public async ValueTask<DuePlan> GetDueWorkAsync(Duration lookAhead, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _planCalls);
        if (PlanFailure?.Invoke(call) is { } failure)
        {
            throw failure;
        }

        DuePlan plan;
        lock (_gate)
        {
            var now = clock.GetCurrentInstant();
            // Like the engine: without a next due time set by the test, the earliest upcoming work is the next due.
            var nextDue = NextDueAt ?? _upcoming.Where(item => item.DueAt > now).Select(item => (Instant?)item.DueAt).Min();
            plan = new DuePlan([.. _due, .. _upcoming.Where(item => item.DueAt <= now)], nextDue)
            {
                Upcoming = [.. _upcoming.Where(item => item.DueAt > now && item.DueAt <= now + lookAhead)],
            };
        }

        if (AfterPlanRead is { } afterRead)
        {
            await afterRead(call);
        }

        return plan;
    }

    /// <summary>When set, the connections another worker holds: claims skip their items, as the lease store does.</summary>
    public Func<WorkItem, bool>? HeldElsewhere { get; set; }

    /// <summary>Every claim asked for: the items offered and the limit.</summary>
    public IReadOnlyList<(IReadOnlyList<WorkItem> Items, int Limit)> Claims
    {
        get
        {
            lock (_gate)
            {
                return [.. _claims];
            }
        }
    }

    public ValueTask<WorkClaims> ClaimAsync(IReadOnlyList<WorkItem> items, int limit, CancellationToken cancellationToken)
    {
        var claimed = new List<WorkClaim>();
        var noLongerDue = new List<WorkItem>();
        lock (_gate)
        {
            _claims.Add(([.. items], limit));

            // Like the engine: an item held elsewhere is skipped; one taken whose run already started (no longer in the
            // due list) is found no longer due under its lease.
            foreach (var item in items.Where(item => HeldElsewhere?.Invoke(item) != true))
            {
                if (claimed.Count + noLongerDue.Count == limit)
                {
                    break;
                }

                if (_due.Contains(item) || (_upcoming.Contains(item) && item.DueAt <= clock.GetCurrentInstant()))
                {
                    claimed.Add(new WorkClaim(item, new WorkLease($"connection:{item.Connection}", "scripted", clock.GetCurrentInstant() + Duration.FromMinutes(10), 1)));
                }
                else
                {
                    noLongerDue.Add(item);
                }
            }
        }

        return ValueTask.FromResult(new WorkClaims(claimed, noLongerDue));
    }

    public ValueTask<WorkRunResult> RunAsync(WorkClaim claim, CancellationToken cancellationToken) => RunAsync(claim.Item, cancellationToken);

    private async ValueTask<WorkRunResult> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (BeforeRecordingStart is { } beforeStart)
        {
            await beforeStart(item);
        }

        RunHold? hold = null;
        hold = new RunHold(() =>
        {
            lock (_gate)
            {
                if (!_parkedHolds.Remove(hold!))
                {
                    return;
                }

                Interlocked.Decrement(ref _parked);
            }

            ParkedChanged.Pulse();
        });
        lock (_gate)
        {
            // Like the engine recording the run's start: the item is no longer due.
            _due.Remove(item);
            _upcoming.Remove(item);
            _started.Add((item, clock.GetCurrentInstant(), hold));
            _running++;
            var perConnection = _runningPerConnection[item.Connection] = _runningPerConnection.GetValueOrDefault(item.Connection) + 1;
            MaxRunning = Math.Max(MaxRunning, _running);
            MaxRunningPerConnection = Math.Max(MaxRunningPerConnection, perConnection);
        }

        try
        {
            WorkRunResult? scripted;
            try
            {
                scripted = OnRun?.Invoke(item);
            }
            catch
            {
                hold.Release();
                throw;
            }

            if (scripted is not null || !HoldRuns)
            {
                hold.Release();
            }

            if (scripted is not null)
            {
                return scripted;
            }

            Park(hold);
            await hold.WaitAsync(cancellationToken);
            return new WorkRunResult(item, WorkRunOutcome.Completed, new WorkRunSummary(1, 0, 0, 0));
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                _runningPerConnection[item.Connection]--;
            }
        }
    }

    // A run counts as parked only once it really waits for the test: one whose script ends it at once never does, so a
    // settle cannot take its brief start for a held run and return before it ended.
    private void Park(RunHold hold)
    {
        lock (_gate)
        {
            if (hold.IsReleased)
            {
                return;
            }

            _parkedHolds.Add(hold);
            Interlocked.Increment(ref _parked);
        }

        ParkedChanged.Pulse();
    }

    public ValueTask<AlertDispatchResult> DispatchAlertsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _alertDispatches);
        return AlertFailure is { } failure
            ? ValueTask.FromException<AlertDispatchResult>(failure)
            : ValueTask.FromResult(new AlertDispatchResult([], [], null));
    }
}
