using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows how many waits (<c>Task.Delay</c>: pacing, back-off) are pending, as
/// opposed to deadlines (a <see cref="CancellationTokenSource"/>'s timeout), so a driver moves time only while
/// something waits for it rather than while code is busy between two waits; and how many requests a fired wait released
/// that have not reached the wire yet, so it never moves time under them.
/// </summary>
/// <remarks>
/// Each request's async flow is marked by <see cref="RequestFlowHandler"/>, the outermost handler of the client. A wait
/// fired in a flow releases that flow; only the same flow's next wait or its arrival on the wire lands it. Counting any
/// new wait as "landed" would let another request's wait stand in for a request still on its way, and time would move
/// under it: the way a request released earlier once reached the fake after later ones and found the bucket capped.
/// </remarks>
internal sealed class WaitCountingTime(DateTimeOffset start) : TimeProvider
{
    private static readonly AsyncLocal<RequestFlow?> CurrentFlow = new();

    private int _pendingWaits;
    private int _released;

    public FakeTimeProvider Fake { get; } = new(start);

    public int PendingWaits => Volatile.Read(ref _pendingWaits);

    /// <summary>Request flows whose wait fired and that have not yet reached the wire, waited again or ended.</summary>
    public int Released => Volatile.Read(ref _released);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    /// <summary>Marks the calling async flow as one request, for the rest of that flow.</summary>
    /// <returns>The flow, to end when the request is done.</returns>
    public RequestFlow BeginFlow() => CurrentFlow.Value = new RequestFlow(this);

    /// <summary>The calling flow's request reached the wire.</summary>
    public static void LandedInCurrentFlow() => CurrentFlow.Value?.Land();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (state is CancellationTokenSource)
        {
            return Fake.CreateTimer(callback, state, dueTime, period);
        }

        var wait = new CountedWait(this, CurrentFlow.Value, callback) { State = state };
        wait.Inner = Fake.CreateTimer(static s => ((CountedWait)s!).Fire(), wait, dueTime, period);
        return wait;
    }

    /// <summary>One request's async flow: released when one of its waits fires, landed when it moves on.</summary>
    internal sealed class RequestFlow(WaitCountingTime owner)
    {
        private int _released;
        private int _ended;

        public void Release()
        {
            // A timer created while this request ran may outlive it; what it releases then is not this request.
            if (Volatile.Read(ref _ended) == 0 && Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Increment(ref owner._released);
            }
        }

        /// <summary>The request is done: it holds time no longer, whatever fires later.</summary>
        public void End()
        {
            Volatile.Write(ref _ended, 1);
            Land();
        }

        public void Land()
        {
            if (Interlocked.Exchange(ref _released, 0) == 1)
            {
                Interlocked.Decrement(ref owner._released);
            }
        }
    }

    private sealed class CountedWait : ITimer
    {
        private readonly WaitCountingTime _owner;
        private readonly RequestFlow? _flow;
        private readonly TimerCallback _callback;
        private int _done;

        public CountedWait(WaitCountingTime owner, RequestFlow? flow, TimerCallback callback)
        {
            _owner = owner;
            _flow = flow;
            _callback = callback;
            Interlocked.Increment(ref owner._pendingWaits);

            // The flow waits again: what its last wait released has arrived here.
            flow?.Land();
        }

        public ITimer Inner { get; set; } = null!;

        // Task.Delay passes itself as the state it wants back.
        public object? State { get; init; }

        public void Fire()
        {
            _flow?.Release();
            End();
            _callback(State);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

        public void Dispose()
        {
            End();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void End()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref _owner._pendingWaits);
            }
        }
    }
}
