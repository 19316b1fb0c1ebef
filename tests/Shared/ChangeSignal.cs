namespace Connect.Sdk.TestSupport;

/// <summary>
/// A task that completes at the next <see cref="Pulse"/>: a test takes <see cref="Next"/>, reads the state, and if it
/// is not there yet waits for the next change instead of polling or yielding.
/// </summary>
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
