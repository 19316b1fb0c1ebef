namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// The requests of the connector's client that have begun and not ended, each marked as parked while it waits for
/// the account's rate budget: the one wait in the pacing tests that fake time ends. Fake time may move on only while
/// every such request is parked; a request that runs (on its way to the wire, on the wire, reading its answer)
/// holds time still, so it reaches the fake at the fake time its budget let it go.
/// </summary>
/// <remarks>
/// A request is marked by <see cref="RequestFlowHandler"/> (the outermost handler: begun, ended) and by the two
/// <see cref="PacingBoundaryHandler"/>s just outside and just inside the SDK's pacing handler (parked, running).
/// Each request is one async flow, so the marks reach the request's own record through an <see cref="AsyncLocal{T}"/>.
/// </remarks>
internal sealed class RequestFlows
{
    private static readonly AsyncLocal<Flow?> Current = new();

    private readonly Lock _gate = new();
    private readonly HashSet<Flow> _active = [];
    private TaskCompletionSource _changed = NewSource();

    /// <summary>Whether at least one request has begun and every one that has is parked on the budget.</summary>
    public bool AllParked
    {
        get
        {
            lock (_gate)
            {
                return _active.Count > 0 && _active.All(f => f.Parked);
            }
        }
    }

    /// <summary>Requests that have begun and not ended, and how many of them run; for a failure message.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return $"{_active.Count} request(s) begun, {_active.Count(f => !f.Parked)} of them running";
        }
    }

    /// <summary>Completes at the next change of a request's state after it was read.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Marks the calling async flow as one request, running, until the returned scope ends it.</summary>
    /// <returns>The scope that ends the request.</returns>
    public IDisposable Begin()
    {
        var flow = new Flow(this);
        Update(() => _active.Add(flow));
        Current.Value = flow;
        return flow;
    }

    /// <summary>The calling request waits for the rate budget, or is about to.</summary>
    public void Parked() => SetParked(true);

    /// <summary>The calling request's budget let it go: it runs to the wire.</summary>
    public void Running() => SetParked(false);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void SetParked(bool parked)
    {
        var flow = Current.Value ?? throw new InvalidOperationException("A pacing mark outside a request: RequestFlowHandler must be the client's outermost handler.");
        Update(() => flow.Parked = parked);
    }

    private void Update(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = NewSource();
        }

        changed.TrySetResult();
    }

    private sealed class Flow(RequestFlows owner) : IDisposable
    {
        public bool Parked { get; set; }

        public void Dispose() => owner.Update(() => owner._active.Remove(this));
    }
}
