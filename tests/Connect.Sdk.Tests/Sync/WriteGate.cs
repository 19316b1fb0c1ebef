using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// Holds the first write that reaches it until the test lets it go: a worker stalled just before a guarded write (a long
/// GC pause, a slow call), deterministically. Later writes pass at once. Tells whether the store refused the first write.
/// </summary>
internal sealed class WriteGate
{
    private int _used;

    /// <summary>Completes when the first write has reached the gate.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed by the test to let the first write go on.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the store refused the first write for a lost lease.</summary>
    public bool FirstWriteRefused { get; private set; }

    public async ValueTask<T> PassAsync<T>(Func<ValueTask<T>> write)
    {
        if (Interlocked.Exchange(ref _used, 1) != 0)
        {
            return await write();
        }

        Reached.TrySetResult();
        await Release.Task;
        try
        {
            return await write();
        }
        catch (LeaseLostException)
        {
            FirstWriteRefused = true;
            throw;
        }
    }
}
