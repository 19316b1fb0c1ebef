namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>A task that completes at the next <see cref="Pulse"/>, for waiting on a state change with <see cref="Until"/>.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next pulse after it was read.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Something changed: completes the current <see cref="Next"/> and starts a new one.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    // Continuations run asynchronously: the waiting test must not run on the thread that changed the state.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
