namespace Connect.Sdk.Tests.Orders;

/// <summary>Fails one armed step once, after a number of calls to it have passed; counts the failures.</summary>
internal sealed class Faults
{
    private readonly Lock _gate = new();
    private CrashStep? _armed;
    private int _passesLeft;
    private Func<CrashStep, Exception>? _failure;

    public int Fired { get; private set; }

    public void Arm(CrashStep step, int afterCalls = 0, Func<CrashStep, Exception>? failure = null)
    {
        lock (_gate)
        {
            _armed = step;
            _passesLeft = afterCalls;
            _failure = failure;
        }
    }

    /// <summary>Called by a decorator at a step; throws when the step is armed and its turn has come.</summary>
    public void At(CrashStep step)
    {
        lock (_gate)
        {
            if (_armed != step)
            {
                return;
            }

            if (_passesLeft-- > 0)
            {
                return;
            }

            _armed = null;
            Fired++;
        }

        throw _failure?.Invoke(step) ?? new InvalidOperationException($"Injected failure at {step}.");
    }
}
