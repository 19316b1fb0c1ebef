namespace Connect.Sdk.Hosting;

/// <summary>
/// Wakes the scheduler's loop when a run ends. Reset at the start of each pass, so a run that ends while the loop is
/// planning is not missed: the next wait returns at once.
/// </summary>
internal sealed class WakeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task
    {
        get
        {
            lock (_gate)
            {
                return _signal.Task;
            }
        }
    }

    public void Set()
    {
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            if (_signal.Task.IsCompleted)
            {
                _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
