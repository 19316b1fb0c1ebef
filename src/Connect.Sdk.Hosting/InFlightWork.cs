namespace Connect.Sdk.Hosting;

/// <summary>
/// The runs (one per connection at most) and the alert dispatch this process has going, so the loop knows the free
/// slots and the busy connections, and shutdown knows what to wait for. Each ending wakes the loop.
/// </summary>
internal sealed class InFlightWork(LoopPacer pacer)
{
    private long _started;
    private long _ended;
    private readonly Lock _gate = new();
    private readonly HashSet<ConnectionId> _connections = [];

    // Per connection, the number of the last of its runs to end; runs are numbered as they end.
    private readonly HashSet<Task> _tasks = [];
    private bool _dispatchingAlerts;
    private int _active;
    private TaskCompletionSource _changed = NewChangeSource();

    public int RunCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>How many runs and dispatches were started so far; with <see cref="Ended"/>, lets tests see work in transit.</summary>
    internal long Started => Interlocked.Read(ref _started);

    /// <summary>How many runs and dispatches ended so far; counted after the loop was woken.</summary>
    internal long Ended => Interlocked.Read(ref _ended);

    /// <summary>
    /// Completes at the next start, end or forgetting of a run or dispatch: tests read the counts, and if they are not
    /// there yet, wait for this (taken before reading) instead of polling.
    /// </summary>
    internal Task NextChange => Volatile.Read(ref _changed).Task;

    /// <summary>Whether every run and dispatch has ended (updated before the loop is woken).</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _active == 0;
            }
        }
    }

    public bool IsDispatchingAlerts
    {
        get
        {
            lock (_gate)
            {
                return _dispatchingAlerts;
            }
        }
    }

    public bool IsRunning(ConnectionId connection)
    {
        lock (_gate)
        {
            return _connections.Contains(connection);
        }
    }

    /// <summary>Starts a run of <paramref name="connection"/>'s work off the loop's thread.</summary>
    public void StartRun(ConnectionId connection, Func<Task> run)
    {
        lock (_gate)
        {
            // Claimed before the task exists: a run that ends at once must find its claim to remove.
            _connections.Add(connection);
        }

        Track(run, () => _connections.Remove(connection));
    }

    /// <summary>Starts an alert dispatch off the loop's thread.</summary>
    public void StartAlertDispatch(Func<Task> dispatch)
    {
        lock (_gate)
        {
            _dispatchingAlerts = true;
        }

        Track(dispatch, () => _dispatchingAlerts = false);
    }

    /// <summary>Every task still going; they never fault (each catches its own failures).</summary>
    public IReadOnlyList<Task> Snapshot()
    {
        lock (_gate)
        {
            return [.. _tasks];
        }
    }

    private void Track(Func<Task> work, Action release)
    {
        Interlocked.Increment(ref _started);
        lock (_gate)
        {
            _active++;
        }

        SignalChange();

        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                // State first, then the signal: the woken loop must see the slot and the connection free.
                lock (_gate)
                {
                    release();
                    _active--;
                }

                pacer.RunEnded();
                Interlocked.Increment(ref _ended);
                SignalChange();
            }
        });

        lock (_gate)
        {
            _tasks.Add(task);
        }

        // Forgotten once it ends, so a host that runs for months does not keep every run it ever started. The
        // continuation is attached after the Add, so it also finds a task that ended before it was added.
        _ = task.ContinueWith(
            ended =>
            {
                lock (_gate)
                {
                    _tasks.Remove(ended);
                }

                SignalChange();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>How many tasks are tracked; finished ones are forgotten.</summary>
    internal int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    // Continuations run asynchronously: a test waiting on the change must not run on the thread that made it.
    private static TaskCompletionSource NewChangeSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void SignalChange() => Interlocked.Exchange(ref _changed, NewChangeSource()).TrySetResult();
}
