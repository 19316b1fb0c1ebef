namespace Connect.Sdk.Http;

/// <summary>
/// A request queued for budget: what it costs, when it arrived, and the task it awaits. It holds no units while it
/// waits; the budget takes them only when it lets the request go, so a re-based budget has nothing to give back and
/// nothing is counted twice.
/// </summary>
/// <remarks>
/// Its continuations run on the thread that releases it, as a <c>Task.Delay</c>'s do on the thread its timer fires
/// on: fake time then sees the request on the wire before it moves on.
/// </remarks>
internal sealed class BudgetWaiter(double cost, long arrival, bool untilAnswered = false) : TaskCompletionSource
{
    private CancellationTokenRegistration _registration;
    private Action<BudgetWaiter, CancellationToken>? _onCancel;

    /// <summary>The request's cost in units.</summary>
    public double Cost { get; } = cost;

    /// <summary>Unix ticks at which it arrived: it may go no earlier, and never before the bucket holds its cost.</summary>
    public long Arrival { get; } = arrival;

    /// <summary>
    /// Whether its units stay in flight from the moment it is let go until its answer is reported
    /// (<see cref="IInFlightRateBudget.Answered"/>), rather than being booked as answered at once.
    /// </summary>
    public bool UntilAnswered { get; } = untilAnswered;

    /// <summary>Released or cancelled; set under the owning budget's lock, so exactly one of the two happens.</summary>
    public bool Done { get; set; }

    /// <summary>
    /// Calls <paramref name="onCancel"/> (the budget's own, one delegate for all its waiters) when
    /// <paramref name="cancellationToken"/> is cancelled while it waits.
    /// </summary>
    public void Watch(Action<BudgetWaiter, CancellationToken> onCancel, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return;
        }

        _onCancel = onCancel;
        _registration = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var waiter = (BudgetWaiter)state!;
                waiter._onCancel!(waiter, token);
            },
            this);

        // Released before the registration was stored: nothing unregistered it.
        if (Task.IsCompleted)
        {
            _registration.Unregister();
        }
    }

    /// <summary>Lets the request go. Call outside the budget's lock: its continuation runs here.</summary>
    public void Release()
    {
        _registration.Unregister();
        TrySetResult();
    }

    /// <summary>Ends the wait as cancelled. Call outside the budget's lock.</summary>
    public void Cancel(CancellationToken cancellationToken)
    {
        _registration.Unregister();
        TrySetCanceled(cancellationToken);
    }

    /// <summary>Ends the wait with the failure of the store that keeps the budget. Call outside the budget's lock.</summary>
    public void Fail(Exception failure)
    {
        _registration.Unregister();
        TrySetException(failure);
    }
}
