namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>Keeps one scripted run open until the test releases it or the scheduler cancels it.</summary>
internal sealed class RunHold(Action left)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left;

    /// <summary>Whether the run was let go (released, or cancelled while held).</summary>
    public bool IsReleased => Volatile.Read(ref _left) == 1;

    /// <summary>Whether the run saw its cancellation token fire while held.</summary>
    public bool WasCancelled { get; private set; }

    /// <summary>Lets the run finish. The run stops counting as parked at once, before it resumes, so a settle that follows waits for its end.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            left();
            _released.TrySetResult();
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _released.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            WasCancelled = true;
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                left();
            }

            throw;
        }
    }
}
